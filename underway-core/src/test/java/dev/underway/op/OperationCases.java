package dev.underway.op;

import org.junit.jupiter.api.DynamicTest;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link OperationCase}s: setup, start (checks), rollback (checks, plus nothing of start
 * left behind), start again (rollback left nothing in its way), complete (checks, plus no
 * trigger, hidden column or old version schema left behind).
 */
final class OperationCases {
    private OperationCases() {
    }

    static Stream<DynamicTest> run(List<OperationCase> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    static void run(OperationCase c) throws Exception {
        try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
            if (!c.setup().isBlank()) {
                VersionedDatabase.exec(db.admin, c.setup());
            }
            YamlMigration m = YamlMigration.parse("V2__case.yaml", c.yaml());
            db.expandContract().start(m);
            assertThat(db.schemaExists("public_v2")).isTrue();
            c.afterStart().check(db);
            db.expandContract().rollback(null);
            assertNothingLeft(db);
            assertThat(db.schemaExists("public_v2")).isFalse();
            c.afterRollback().check(db);
            db.expandContract().start(m);
            db.expandContract().complete(null);
            assertNothingLeft(db);
            assertThat(db.schemaExists("public_v2")).isTrue();
            assertThat(db.expandContract().status()).isEmpty();
            c.afterComplete().check(db);
        }
    }

    private static void assertNothingLeft(VersionedDatabase db) throws SQLException {
        assertThat(VersionedDatabase.rows(db.admin, "SELECT attrelid::regclass || '.' || attname FROM pg_attribute"
                + " WHERE attname LIKE '\\_uw\\_%' AND NOT attisdropped AND attrelid IN (SELECT oid FROM pg_class"
                + " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p'))")).as("hidden columns").isEmpty();
        assertThat(VersionedDatabase.rows(db.admin, "SELECT tgname FROM pg_trigger WHERE tgname LIKE '\\_uw\\_%'"))
                .as("sync triggers").isEmpty();
        assertThat(VersionedDatabase.rows(db.admin, "SELECT proname FROM pg_proc WHERE proname LIKE '\\_uw\\_%'"))
                .as("sync functions").isEmpty();
        assertThat(VersionedDatabase.rows(db.admin, "SELECT conname FROM pg_constraint WHERE conname LIKE '\\_uw\\_%'"))
                .as("NOT NULL checks").isEmpty();
        assertThat(VersionedDatabase.rows(db.admin, "SELECT relname FROM pg_class WHERE relkind = 'i'"
                + " AND relname LIKE '\\_uw\\_%'")).as("indexes on copies").isEmpty();
    }
}
