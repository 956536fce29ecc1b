package dev.underway.dialect.mysql;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.lint.StatementAnalysis;
import dev.underway.migration.Verdict;
import dev.underway.report.LintOptions;
import dev.underway.sql.StatementSplitter;
import dev.underway.sql.shape.SchemaModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-flavour and per-version decisions of the MySQL/MariaDB classifier that the corpus files do not cover. */
class MySqlLockPolicyTest {
    private static final Dialect MYSQL = Dialects.offline(DatabaseKind.MYSQL, ServerVersion.parse("8.0.35"));
    private static final Dialect MARIADB_1011 = Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("10.11.5"));
    private static final Dialect MARIADB_114 = Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("11.4.5"));
    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY, v int, s varchar(31), KEY j (v)) DEFAULT CHARSET=utf8mb4;\n";

    private static List<StatementAnalysis> analyze(Dialect d, String sql) {
        return new Linter(d, LintOptions.DEFAULT).analyze(new LintInput("V1__f.sql",
                new StatementSplitter(d.syntax()).split(TABLE + sql, "V1__f.sql")), new SchemaModel()).statements();
    }

    private static Verdict last(Dialect d, String sql) {
        List<StatementAnalysis> all = analyze(d, sql);
        return all.get(all.size() - 1).verdict();
    }

    /** Findings of {@code sql} in a second file, so that t is an existing table. */
    private static List<String> findings(Dialect d, String sql) {
        StatementSplitter splitter = new StatementSplitter(d.syntax());
        return new Linter(d, LintOptions.DEFAULT).lint(List.of(new LintInput("V1__t.sql", splitter.split(TABLE, "V1__t.sql")),
                        new LintInput("V2__f.sql", splitter.split(sql, "V2__f.sql")))).findings().stream()
                .map(f -> f.code() + " " + f.message()).toList();
    }

    @Test
    void mariaDbsDropIndexGetsNoOnlineClauseAndOneWrittenThereIsReportedAsRefused() {
        for (Dialect maria : List.of(MARIADB_1011, MARIADB_114)) {
            assertThat(last(maria, "DROP INDEX IF EXISTS j ON t;").online()).as(maria.version().toString()).isNull();
            assertThat(last(maria, "ALTER TABLE t DROP INDEX j;").online()).isEqualTo("ALGORITHM=INPLACE, LOCK=NONE");
            assertThat(findings(maria, "DROP INDEX j ON t ALGORITHM=INPLACE LOCK=NONE;")).containsExactly(
                    "MY210 the server refuses ALGORITHM= or LOCK= on DROP INDEX ... ON (a syntax error); write"
                            + " ALTER TABLE t DROP INDEX j, ALGORITHM=..., LOCK=...");
        }
        assertThat(last(MYSQL, "DROP INDEX j ON t;").online()).isEqualTo("ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(findings(MYSQL, "DROP INDEX j ON t ALGORITHM=INPLACE LOCK=NONE;")).isEmpty();
    }

    @Test
    void aUserWrittenAlgorithmOnDropIndexDecidesTheVerdict() {
        Verdict copy = last(MYSQL, "DROP INDEX j ON t ALGORITHM=COPY;");
        assertThat(copy.algorithm()).isEqualTo("COPY");
        assertThat(copy.blocksWrites()).isTrue();
        assertThat(findings(MYSQL, "DROP INDEX j ON t ALGORITHM=COPY;")).extracting(f -> f.substring(0, 5))
                .containsExactly("MY205");
    }

    @Test
    void theVarcharPrefixExceptionIsMariaDbFrom104On() {
        String grow = "ALTER TABLE t MODIFY s varchar(64);";
        assertThat(last(MARIADB_1011, grow).algorithm()).isEqualTo("INSTANT");
        assertThat(last(Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("10.3.39")), grow).algorithm())
                .isEqualTo("COPY");
        assertThat(last(MYSQL, grow).algorithm()).isEqualTo("COPY");
    }

    @Test
    void expressionDefaultsDifferBetweenMySqlAndMariaDb() {
        String now = "ALTER TABLE t ADD COLUMN made datetime DEFAULT (now());";
        assertThat(last(MYSQL, now).algorithm()).isEqualTo("COPY");
        assertThat(last(MARIADB_1011, now).algorithm()).isEqualTo("INSTANT");
        for (String literal : List.of("DEFAULT 'x'", "DEFAULT b'1'", "DEFAULT _utf8mb4'x'", "DEFAULT NULL",
                "DEFAULT (concat('a', 'b'))", "DEFAULT (date_format(now(), '%Y'))")) {
            assertThat(last(MARIADB_1011, "ALTER TABLE t ADD COLUMN c varchar(9) " + literal + ";").algorithm())
                    .as(literal).isEqualTo("INSTANT");
        }
        for (String perRow : List.of("DEFAULT (uuid())", "DEFAULT (UUID_SHORT())", "DEFAULT (v + 1)",
                "DEFAULT (`v` * 2)")) {
            Verdict v = last(MARIADB_114, "ALTER TABLE t ADD COLUMN c varchar(40) " + perRow + ";");
            assertThat(v.algorithm()).as(perRow).isEqualTo("COPY");
            assertThat(v.notes().get(0)).startsWith("the DEFAULT is evaluated for every existing row (");
        }
    }
}
