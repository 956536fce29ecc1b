package dev.underway.op;

import dev.underway.UnderwayException;
import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.Action;
import dev.underway.migration.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans are data: the actions of each phase, their order, locks and guards, without a database. */
class MigrationPlanTest {
    private static final SchemaSnapshot SNAPSHOT = new SchemaSnapshot("public", Map.of(
            "users", new SchemaSnapshot.Table("users", List.of(
                    new SchemaSnapshot.Column("id", "integer", true, null, null, false),
                    new SchemaSnapshot.Column("email", "text", false, null, null, false),
                    new SchemaSnapshot.Column("score", "text", false, null, "points", false)),
                    List.of("id"), Map.of("users_pkey", new SchemaSnapshot.Constraint("users_pkey", "p", List.of("id"), null, List.of(),
                            "PRIMARY KEY (id)")),
                    Map.of("users_pkey", new SchemaSnapshot.Index("users_pkey", List.of("id"), true, true,
                                    "CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)"),
                            "users_score", new SchemaSnapshot.Index("users_score", List.of("score"), false, false,
                                    "CREATE INDEX users_score ON public.users USING btree (score) WHERE (score <> ''::text)")), "DEFAULT"),
            "events", new SchemaSnapshot.Table("events", List.of(
                    new SchemaSnapshot.Column("id", "integer", true, null, null, false),
                    new SchemaSnapshot.Column("user_id", "integer", false, null, null, false)),
                    List.of("id"), Map.of("events_user_fk", new SchemaSnapshot.Constraint("events_user_fk", "f",
                    List.of("user_id"), "users", List.of("id"), "FOREIGN KEY (user_id) REFERENCES users(id)")), Map.of(), "DEFAULT")));

    private static MigrationPlan plan(String yaml) {
        return MigrationPlan.of(YamlMigration.parse("V2__m.yaml", yaml), SNAPSHOT, "public",
                new PostgresDialect(ServerVersion.parse("17.6")));
    }

    @Test
    void aRenamedRetypedNotNullColumnIsCopiedSyncedBackfilledConstrainedThenShown() {
        MigrationPlan p = plan("""
                operations:
                  - alter_column: {table: users, column: email, name: mail, type: varchar(200), nullable: false,
                                   up: "coalesce(email, '')", down: mail}
                """);
        List<Action> start = p.start();
        assertThat(start).extracting(Action::stage).containsExactly(Stage.COLUMNS, Stage.TRIGGERS, Stage.BACKFILL,
                Stage.CONSTRAINTS, Stage.VIEWS);
        assertThat(start.get(0).sql()).containsExactly("ALTER TABLE \"public\".\"users\" ADD COLUMN \"_uw_email\" varchar(200)");
        assertThat(start.get(0).locks()).containsExactly("ACCESS EXCLUSIVE");
        assertThat(start.get(1).sql().get(0)).contains("current_schemas(false)").contains("'public_v2'")
                .contains("NEW.\"_uw_email\" := (coalesce(email, ''));").contains("NEW.\"email\" := (mail);")
                .contains("\"mail\" \"public\".\"users\".\"_uw_email\"%TYPE := NEW.\"_uw_email\";");
        assertThat(start.get(2).backfill()).isEqualTo("users");
        assertThat(start.get(3).sql()).containsExactly("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT"
                + " \"_uw_users_email_not_null\" CHECK (\"_uw_email\" IS NOT NULL) NOT VALID");
        assertThat(start.get(4).sql()).contains("CREATE VIEW \"public_v2\".\"users\" AS SELECT \"id\", \"_uw_email\" AS"
                + " \"mail\", \"score\" FROM \"public\".\"users\"");

        List<Action> complete = p.complete(false, List.of());
        assertThat(complete).extracting(Action::stage).containsExactly(Stage.VALIDATE, Stage.CONTRACT);
        assertThat(complete.get(0).violation().sampleSql()).isEqualTo("SELECT concat_ws(', ', \"id\"::text) FROM"
                + " \"public\".\"users\" WHERE \"_uw_email\" IS NULL LIMIT 5");
        assertThat(complete.get(1).sql()).containsSubsequence(
                "DROP TRIGGER IF EXISTS \"_uw_sync_v2\" ON \"public\".\"users\"",
                "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"_uw_email\" SET NOT NULL",
                "ALTER TABLE \"public\".\"users\" DROP COLUMN \"email\"",
                "ALTER TABLE \"public\".\"users\" RENAME COLUMN \"_uw_email\" TO \"mail\"");

        List<Action> rollback = p.rollback();
        assertThat(rollback).singleElement().satisfies(a -> assertThat(a.sql()).containsExactly(
                "DROP SCHEMA IF EXISTS \"public_v2\" CASCADE",
                "DROP TRIGGER IF EXISTS \"_uw_sync_v2\" ON \"public\".\"users\"",
                "DROP FUNCTION IF EXISTS \"public\".\"_uw_sync_users\"()",
                "ALTER TABLE \"public\".\"users\" DROP COLUMN IF EXISTS \"_uw_email\""));
    }

    @Test
    void catalogOnlyChangesCopyNothingAndBackfillNothing() {
        MigrationPlan p = plan("""
                operations:
                  - alter_column: {table: users, column: email, default: "'none'", comment: contact}
                  - rename_column: {table: users, from: id, to: user_id}
                """);
        assertThat(p.start()).noneMatch(a -> a.backfill() != null || a.sql().stream().anyMatch(s -> s.contains("ADD COLUMN")
                || s.contains("TRIGGER")));
        assertThat(p.start().get(0).sql()).containsExactly("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\""
                + " SET DEFAULT 'none'");
        assertThat(p.rollback().get(0).sql()).contains("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"email\""
                + " DROP DEFAULT", "COMMENT ON COLUMN \"public\".\"users\".\"email\" IS NULL");
    }

    @Test
    void indexBuildsAreConcurrentAndRepeatable() {
        Action a = plan("""
                operations:
                  - create_index: {name: users_email, table: users, columns: [email]}
                """).start().get(0);
        assertThat(a.concurrent()).isTrue();
        assertThat(a.sql()).containsExactly("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"users_email\" ON"
                + " \"public\".\"users\" (\"email\")");
        assertThat(a.locks()).containsExactly("SHARE UPDATE EXCLUSIVE");
    }

    @Test
    void mistakesAgainstTheSchemaNameTheLine() {
        assertThatThrownBy(() -> plan("operations:\n  - drop_table: {name: nope}\n"))
                .isInstanceOf(UnderwayException.class)
                .hasMessageContaining("V2__m.yaml:2: drop_table: table nope does not exist in schema public");
        assertThatThrownBy(() -> plan("operations:\n  - drop_column: {table: users, column: nope}\n"))
                .hasMessageContaining("drop_column: column nope does not exist in table users (its columns: id, email, score)");
        assertThatThrownBy(() -> plan("operations:\n  - rename_column: {table: users, from: email, to: a}\n"
                + "  - alter_column: {table: users, column: a, type: int}\n"))
                .hasMessageContaining("V2__m.yaml:3: alter_column: column users.a is already changed by an earlier operation");
        assertThatThrownBy(() -> plan("operations:\n  - add_column: {table: users, column: {name: n, type: int}}\n"))
                .hasMessageContaining("is NOT NULL (columns are unless they say nullable: true) but has neither a default"
                        + " nor an up expression");
        assertThatThrownBy(() -> plan("operations:\n  - alter_column: {table: users, column: id, nullable: true,"
                + " type: bigint}\n")).hasMessageContaining("column users.id is part of the primary key");
    }

    @Test
    void indexesAndForeignKeysOfACopiedColumnAreRebuiltOnTheCopyAndTakeTheirNamesAtTheContract() {
        MigrationPlan p = plan("""
                operations:
                  - alter_column: {table: users, column: score, type: int, up: score::int, down: score::text}
                  - alter_column: {table: events, column: user_id, type: bigint}
                """);
        assertThat(p.start()).anySatisfy(a -> assertThat(a.sql()).containsExactly("ALTER TABLE \"public\".\"events\""
                + " ADD CONSTRAINT \"_uw_events_user_fk\" FOREIGN KEY (\"_uw_user_id\") REFERENCES users(id) NOT VALID"));
        assertThat(p.start()).filteredOn(a -> a.stage() == Stage.COPY_INDEXES).singleElement().satisfies(a -> {
            assertThat(a.concurrent()).isTrue();
            assertThat(a.sql()).containsExactly("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"_uw_users_score\" ON"
                    + " \"public\".\"users\" USING btree (\"_uw_score\") WHERE (\"_uw_score\" <> ''::text)");
        });
        List<Action> complete = p.complete(false, List.of());
        assertThat(complete.get(complete.size() - 1).sql()).containsSubsequence(
                "ALTER TABLE \"public\".\"users\" DROP COLUMN \"score\"",
                "ALTER INDEX \"public\".\"_uw_users_score\" RENAME TO \"users_score\"");
        assertThat(p.rollback()).anySatisfy(a -> assertThat(a.sql()).containsExactly(
                "DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"_uw_users_score\""));
    }
}
