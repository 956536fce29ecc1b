package dev.underway.op;

import dev.underway.Phases;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rollback stopped at each of its statements, by a failure (the statement fails: its transaction
 * rolls back and the phase reacts) and by a crash (the process is gone right after the statement
 * ran, before its transaction commits or its progress is recorded). After a failure in its checks
 * nothing of the rollback is left and both versions work; after any failure or crash the old
 * version works and rollback, run again, restores the old shape.
 */
class RollbackPointsIT {
    private static final String SETUP = "CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL, score text);"
            + " CREATE UNIQUE INDEX posts_score ON posts (score);"
            + " INSERT INTO posts SELECT g, 't' || g, g::text FROM generate_series(1, 50) g;";
    private static final String YAML = """
            operations:
              - alter_column: {table: posts, column: title, nullable: true}
              - alter_column: {table: posts, column: score, type: integer, up: CAST(score AS integer), down: score::text}
            """;

    /** Fails (as the statement itself would) before, or crashes after, the n-th statement of the phase. */
    private static final class StopAt implements MigrationListener {
        final AtomicInteger seen = new AtomicInteger();
        final int at;
        final boolean crash;

        StopAt(int at, boolean crash) {
            this.at = at;
            this.crash = crash;
        }

        @Override
        public void beforeStatement(PendingMigration m, SqlStatement s, Connection session) {
            if (!crash && seen.incrementAndGet() == at) {
                throw UnderwayException.of(Reason.STATEMENT_FAILED, "injected failure of statement " + at);
            }
        }

        @Override
        public void afterStatement(PendingMigration m, SqlStatement s, Connection session) {
            if (crash && seen.incrementAndGet() == at) {
                throw new IllegalStateException("simulated crash after statement " + at);
            }
        }
    }

    private static Phases with(VersionedDatabase db, MigrationListener l) {
        return db.builder().listener(l).build().expandContract(null, null);
    }

    private static int statements() throws SQLException {
        try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
            exec(db.admin, SETUP);
            db.expandContract().start(YamlMigration.parse("V2__posts.yaml", YAML));
            StopAt count = new StopAt(Integer.MAX_VALUE, true);
            with(db, count).rollback(null);
            return count.seen.get();
        }
    }

    @TestFactory
    Stream<DynamicTest> rollbackStoppedAtEveryStatement() throws SQLException {
        int n = statements();
        // The check (NOT VALID + VALIDATE), the index on the copy dropped concurrently, the undo transaction.
        assertThat(n).isGreaterThan(4);
        return Stream.concat(
                IntStream.rangeClosed(1, n).mapToObj(i -> DynamicTest.dynamicTest("failure of statement " + i,
                        () -> stopAt(i, false))),
                IntStream.rangeClosed(1, n).mapToObj(i -> DynamicTest.dynamicTest("crash after statement " + i,
                        () -> stopAt(i, true))));
    }

    /** A rollback that stopped past its checks must be finished first: start and complete are refused, each by name. */
    @Test
    void aRollbackStoppedHalfwayIsFinishedBeforeAnythingElse() throws SQLException {
        try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
            exec(db.admin, SETUP);
            YamlMigration m = YamlMigration.parse("V2__posts.yaml", YAML);
            db.expandContract().start(m);
            assertThatThrownBy(() -> with(db, new StopAt(4, true)).rollback(null))
                    .hasStackTraceContaining("simulated crash");
            assertThat(db.expandContract().status()).singleElement()
                    .satisfies(s -> assertThat(s.phase()).isEqualTo(FlightPhase.ROLLBACK));
            assertThatThrownBy(() -> db.expandContract().start(m))
                    .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.ALREADY_IN_FLIGHT))
                    .hasMessageContaining("run rollback again to finish it");
            assertThatThrownBy(() -> db.expandContract().complete(null))
                    .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.WRONG_PHASE))
                    .hasMessageContaining("V2 cannot be completed");
            db.expandContract().rollback(null);
            assertThat(db.expandContract().status()).isEmpty();
        }
    }

    private static void stopAt(int n, boolean crash) throws SQLException {
        try (VersionedDatabase db = new VersionedDatabase("public_v2")) {
            exec(db.admin, SETUP);
            db.expandContract().start(YamlMigration.parse("V2__posts.yaml", YAML));
            assertThatThrownBy(() -> with(db, new StopAt(n, crash)).rollback(null))
                    .hasStackTraceContaining(crash ? "simulated crash" : "injected failure");
            exec(db.old, "INSERT INTO posts VALUES (100, 'old', '100')");
            boolean inChecks = n <= 2;
            if (!crash && inChecks) {
                // A failed check left nothing behind: the migration is started again and the new version writes NULLs.
                assertThat(db.expandContract().status()).singleElement()
                        .satisfies(s -> assertThat(s.phase()).isEqualTo(FlightPhase.STARTED));
                assertThat(one(db.admin, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'posts'::regclass"
                        + " AND contype = 'c'")).isEqualTo("0");
                exec(db.next, "INSERT INTO posts VALUES (101, NULL, 101)");
                exec(db.next, "DELETE FROM posts WHERE id = 101");
            }
            if (db.schemaExists("public_v2")) {
                // Until the undo commits, the new version keeps writing (its unique index on the copy may be gone).
                exec(db.next, "INSERT INTO posts VALUES (102, 'new', 102)");
            }
            db.expandContract().rollback(null);
            assertThat(db.columns("public", "posts")).containsExactly("id", "title", "score");
            assertThat(one(db.admin, "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'posts'::regclass"
                    + " AND attname = 'title'")).isEqualTo("t");
            assertThat(one(db.admin, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'posts'::regclass"
                    + " AND contype = 'c'")).isEqualTo("0");
            assertThat(one(db.admin, "SELECT string_agg(indexrelid::regclass::text, ',' ORDER BY 1) FROM pg_index"
                    + " WHERE indrelid = 'posts'::regclass")).isEqualTo("posts_pkey,posts_score");
            assertThat(db.schemaExists("public_v2")).isFalse();
            assertThat(db.expandContract().status()).isEmpty();
            exec(db.old, "INSERT INTO posts VALUES (103, 'old', '103')");
        }
    }
}
