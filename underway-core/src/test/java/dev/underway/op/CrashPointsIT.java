package dev.underway.op;

import dev.underway.Phases;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.one;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start stopped right after each of its statements, before that statement's transaction commits or its progress
 * is recorded (the worst moments for a crash): rollback from there restores the old shape, and start, run again,
 * finishes and completes with the data intact.
 */
class CrashPointsIT {
    private static final String SETUP = "CREATE TABLE items (id int PRIMARY KEY, qty text, name text);"
            + " INSERT INTO items SELECT g, (g % 9)::text, 'n' || g FROM generate_series(1, 300) g;";
    private static final String YAML = """
            operations:
              - alter_column:
                  table: items
                  column: qty
                  name: quantity
                  type: integer
                  nullable: false
                  up: coalesce(CAST(qty AS integer), 0)
                  down: CAST(quantity AS text)
              - create_index: {name: items_name, table: items, columns: [name]}
            """;

    /** Throws right after the n-th statement of the phase has run. */
    private static final class CrashAfter implements MigrationListener {
        final AtomicInteger seen = new AtomicInteger();
        final int at;

        CrashAfter(int at) {
            this.at = at;
        }

        @Override
        public void afterStatement(PendingMigration m, SqlStatement s, Connection session) {
            if (seen.incrementAndGet() == at) {
                throw new IllegalStateException("simulated crash after statement " + at);
            }
        }
    }

    private static Phases withListener(VersionedDatabase db, MigrationListener l) {
        return db.builder().listener(l).build().expandContract(null, null);
    }

    @TestFactory
    Stream<DynamicTest> stoppedAfterEveryStatementOfStart() throws Exception {
        int statements;
        try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
            exec(db.admin, SETUP);
            CrashAfter count = new CrashAfter(Integer.MAX_VALUE);
            withListener(db, count).start(YamlMigration.parse("V2__q.yaml", YAML));
            statements = count.seen.get();
        }
        assertThat(statements).isGreaterThan(5);
        return IntStream.rangeClosed(1, statements).mapToObj(n -> DynamicTest.dynamicTest("after statement " + n,
                () -> crashAt(n)));
    }

    @TestFactory
    Stream<DynamicTest> stoppedAfterEveryStatementOfComplete() throws Exception {
        int statements;
        try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
            exec(db.admin, SETUP);
            db.expandContract().start(YamlMigration.parse("V2__q.yaml", YAML));
            CrashAfter count = new CrashAfter(Integer.MAX_VALUE);
            withListener(db, count).complete(null);
            statements = count.seen.get();
        }
        assertThat(statements).isGreaterThan(2);
        return IntStream.rangeClosed(1, statements).mapToObj(n -> DynamicTest.dynamicTest("after statement " + n,
                () -> {
                    try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
                        exec(db.admin, SETUP);
                        db.expandContract().start(YamlMigration.parse("V2__q.yaml", YAML));
                        assertThatThrownBy(() -> withListener(db, new CrashAfter(n)).complete(null))
                                .hasStackTraceContaining("simulated crash after statement " + n);
                        exec(db.next, "UPDATE items SET quantity = 43 WHERE id = 2");
                        db.expandContract().complete(null);
                        assertThat(db.columns("public", "items")).containsExactly("id", "name", "quantity");
                        assertThat(one(db.admin, "SELECT quantity FROM items WHERE id = 2")).isEqualTo("43");
                        assertThat(one(db.admin, "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'items'::regclass"
                                + " AND attname = 'quantity'")).isEqualTo("t");
                        assertThat(db.schemaExists("public_v2")).isTrue();
                        assertThat(one(db.admin, "SELECT count(*) FROM underway.operations")).isEqualTo("0");
                    }
                }));
    }

    private static void crashAt(int n) throws SQLException {
        try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
            exec(db.admin, SETUP);
            YamlMigration m = YamlMigration.parse("V2__q.yaml", YAML);
            assertThatThrownBy(() -> withListener(db, new CrashAfter(n)).start(m))
                    .hasStackTraceContaining("simulated crash after statement " + n);

            db.expandContract().rollback(null);
            assertThat(db.columns("public", "items")).containsExactly("id", "qty", "name");
            assertThat(db.schemaExists("public_v2")).isFalse();
            assertThat(one(db.admin, "SELECT count(*) FROM pg_indexes WHERE indexname = 'items_name'")).isEqualTo("0");
            assertThat(one(db.admin, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'items'::regclass"
                    + " AND NOT tgisinternal")).isEqualTo("0");

            assertThatThrownBy(() -> withListener(db, new CrashAfter(n)).start(m))
                    .hasStackTraceContaining("simulated crash after statement " + n);
            exec(db.old, "UPDATE items SET qty = '42' WHERE id = 1");
            db.expandContract().start(m);
            exec(db.next, "UPDATE items SET quantity = 43 WHERE id = 2");
            db.expandContract().complete(null);
            // The copy was added last and took the column's name.
            assertThat(db.columns("public", "items")).containsExactly("id", "name", "quantity");
            assertThat(rows(db.admin, "SELECT quantity FROM items WHERE id <= 3 ORDER BY id")).containsExactly("42", "43", "3");
            assertThat(one(db.admin, "SELECT sum(quantity) FROM items WHERE id > 3")).isEqualTo(
                    one(db.admin, "SELECT sum(g % 9) FROM generate_series(4, 300) g"));
            assertThat(one(db.admin, "SELECT count(*) FROM pg_indexes WHERE indexname = 'items_name'")).isEqualTo("1");
            assertThat(one(db.admin, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isEqualTo("0");
        }
    }
}
