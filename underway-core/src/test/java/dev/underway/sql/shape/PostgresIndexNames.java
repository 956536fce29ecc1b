package dev.underway.sql.shape;

import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.SqlStatement;
import dev.underway.sql.StatementSplitter;

import java.util.List;

/**
 * Unnamed CREATE INDEX statements with the names PostgreSQL 17 gives them, in order on one table (later ones are
 * numbered because earlier ones took the name). The unit test checks the model's names, the IT the server's.
 */
final class PostgresIndexNames {
    static final String TABLE = "CREATE TABLE Users (id int, Score int, email text, \"Name\" text, tags text[],"
            + " ts timestamptz, " + "a".repeat(55) + " int, " + "b".repeat(45) + " int)";

    /** Statement, the name PostgreSQL chooses. */
    static final List<List<String>> CASES = List.of(
            List.of("CREATE INDEX ON Users (Score)", "users_score_idx"),
            List.of("CREATE INDEX ON Users (score)", "users_score_idx1"),
            List.of("CREATE INDEX ON users (lower(email))", "users_lower_idx"),
            List.of("CREATE INDEX ON users ((email))", "users_email_idx"),
            List.of("CREATE INDEX ON users ((email::varchar))", "users_email_idx1"),
            List.of("CREATE INDEX ON users ((score + id))", "users_expr_idx"),
            List.of("CREATE INDEX ON users (lower(email), upper(email))", "users_lower_upper_idx"),
            List.of("CREATE INDEX ON users (score, score)", "users_score_score1_idx"),
            List.of("CREATE INDEX ON users (\"Name\" DESC NULLS LAST)", "users_Name_idx"),
            List.of("CREATE INDEX ON users (score) INCLUDE (email)", "users_score_email_idx"),
            List.of("CREATE INDEX ON users USING gin (tags)", "users_tags_idx"),
            List.of("CREATE INDEX ON users ((coalesce(email, 'x')))", "users_coalesce_idx"),
            List.of("CREATE INDEX ON users ((CASE WHEN score > 0 THEN 1 END))", "users_case_idx"),
            List.of("CREATE INDEX ON users ((email COLLATE \"C\"))", "users_email_idx2"),
            List.of("CREATE INDEX ON users (pg_catalog.lower(email))", "users_lower_idx1"),
            List.of("CREATE INDEX ON users ((cast(score AS bigint)))", "users_score_idx2"),
            List.of("CREATE INDEX ON users ((date_trunc('day', ts AT TIME ZONE 'UTC')))", "users_date_trunc_idx"),
            List.of("CREATE INDEX ON users ((ts AT TIME ZONE 'UTC'))", "users_timezone_idx"),
            List.of("CREATE INDEX ON users ((score::text || email))", "users_expr_idx1"),
            List.of("CREATE INDEX ON users (" + "a".repeat(55) + ", " + "b".repeat(45) + ")",
                    "users_" + "a".repeat(53) + "_idx"),
            List.of("CREATE INDEX ON users (" + "a".repeat(55) + ", " + "b".repeat(45) + ")",
                    "users_" + "a".repeat(52) + "_idx1"),
            List.of("CREATE UNIQUE INDEX ON users (id)", "users_id_idx"),
            List.of("CREATE INDEX ON users (email text_pattern_ops)", "users_email_idx3"),
            List.of("CREATE INDEX ON users ((ARRAY[score]))", "users_array_idx"),
            List.of("CREATE INDEX ON users (greatest(score, id))", "users_greatest_idx"),
            List.of("CREATE INDEX ON users ((nullif(score, 0)))", "users_nullif_idx"),
            List.of("CREATE INDEX ON users ((score IS NULL))", "users_expr_idx2"),
            List.of("CREATE INDEX ON users ((tags[1]))", "users_tags_idx1"),
            List.of("CREATE INDEX ON users (email) WHERE score > 0", "users_email_idx4"));

    private PostgresIndexNames() {
    }

    static SqlStatement statement(String sql) {
        return new StatementSplitter(PostgresDialect.SYNTAX).split(sql, "t.sql").statements().get(0);
    }

    static StatementShape shape(String sql) {
        return new StatementClassifier(false).classify(statement(sql));
    }
}
