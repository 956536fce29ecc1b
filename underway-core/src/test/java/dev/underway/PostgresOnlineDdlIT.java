package dev.underway;

import dev.underway.migration.ErrorKind;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PostgresOnlineDdlIT extends OnlineDdlScenario {
    /** 10 ms per call: 100 rows make a one-second scan. */
    private static final String SLOW_FUNCTION = "CREATE OR REPLACE FUNCTION slow(x int) RETURNS int LANGUAGE plpgsql"
            + " IMMUTABLE AS $$ BEGIN PERFORM pg_sleep(0.01); RETURN x; END $$";

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    Duration lockTimeout() {
        return Duration.ofMillis(500);
    }

    @Override
    String idleState() {
        return "idle in transaction";
    }

    @Override
    String sessionLabel(long id) {
        return "pid " + id;
    }

    @Override
    String longQueryOnT() {
        return "SELECT pg_sleep(60) FROM t";
    }

    @Override
    boolean running(String sql) throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = '" + sql.replace("'", "''")
                + "'") > 0;
    }

    private boolean waitingForLock(String sql) throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = '"
                + sql.replace("'", "''") + "'") > 0;
    }

    private long invalidIndexes() throws SQLException {
        return count("SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass AND NOT indisvalid");
    }

    private long validIndex(String name) throws SQLException {
        return count("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '"
                + name + "' AND i.indisvalid");
    }

    private long historyValue(String column) throws SQLException {
        return count("SELECT " + column + " FROM underway.history WHERE target_schema = 'public'");
    }

    /**
     * Makes migrate's {@code waiter} statement deadlock with another session: that session runs
     * {@code first} in an open transaction, waits until migrate's statement waits for it, then
     * closes the cycle with {@code second} and commits once migrate's attempt has been rolled
     * back. Migrate checks for deadlocks after three seconds, the other session only after a
     * minute, so migrate's attempt is the victim. Expects migrate to succeed on its retry.
     */
    private void deadlockOnce(String first, String waiter, String second) throws Exception {
        exec("ALTER DATABASE " + db.name() + " SET deadlock_timeout = '3s'");
        try (Connection other = db.connect()) {
            Sql.exec(other, "SET deadlock_timeout = '60s'");
            other.setAutoCommit(false);
            Sql.exec(other, first);
            Future<MigrateResult> run = inBackground(builder().build()::migrate);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForLock(waiter));
            Sql.exec(other, second);
            other.commit();
            assertThat(run.get(1, TimeUnit.MINUTES).applied()).hasSize(1);
        }
        assertThat(events.attempts).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(ErrorKind.DEADLOCK));
        assertThat(historyValue("retries")).isEqualTo(1);
    }

    @Test
    void aDeadlockInATransactionalMigrationIsRetriedAsAWhole() throws Exception {
        exec("CREATE TABLE a (id int PRIMARY KEY, v int)");
        exec("INSERT INTO a VALUES (1, 0)");
        write("V1__both.sql", "UPDATE a SET v = v + 1 WHERE id = 1;\nUPDATE t SET v = v + 1 WHERE id = 1;");
        deadlockOnce("UPDATE t SET v = v + 10 WHERE id = 1", "UPDATE t SET v = v + 1 WHERE id = 1",
                "UPDATE a SET v = v + 10 WHERE id = 1");
        assertThat(count("SELECT v FROM a")).as("the first attempt's update was rolled back").isEqualTo(11);
        assertThat(count("SELECT v FROM t WHERE id = 1")).isEqualTo(12);
    }

    @Test
    void aConcurrentBuildChosenAsDeadlockVictimIsRetriedAfterItsInvalidIndexIsDropped() throws Exception {
        write("V1__index.sql", "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);");
        // The build waits for the other session's open transaction, whose lock request then waits for the build.
        deadlockOnce("INSERT INTO t VALUES (2, 2)", "CREATE INDEX CONCURRENTLY t_v_idx ON t (v)",
                "LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE");
        assertThat(events.droppedIndexes).containsExactly("\"public\".\"t_v_idx\" left by this failed build");
        assertThat(validIndex("t_v_idx")).isEqualTo(1);
        assertThat(invalidIndexes()).isZero();
    }

    @Test
    void aConcurrentBuildThatFailsLeavesNoInvalidIndexAndResumesOnceFixed() throws Exception {
        exec("INSERT INTO t VALUES (2, 1)");
        write("V1__unique.sql", "CREATE UNIQUE INDEX CONCURRENTLY t_v_key ON t (v);");
        assertThatThrownBy(builder().build()::migrate)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.STATEMENT_FAILED))
                .hasMessageContaining("V1__unique.sql:1: ERROR: could not create unique index \"t_v_key\"")
                .hasMessageContaining("The INVALID index \"public\".\"t_v_key\" it left behind was dropped.");
        assertThat(invalidIndexes()).isZero();
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 't_v_key'")).isZero();

        exec("DELETE FROM t WHERE id = 2");
        assertThat(builder().build().migrate().applied()).singleElement()
                .satisfies(a -> assertThat(a.resumedAt()).isZero());
        assertThat(validIndex("t_v_key")).isEqualTo(1);
    }

    @Test
    void aConcurrentBuildStoppedByTheLongStatementTimeoutLeavesNoInvalidIndex() throws Exception {
        exec(SLOW_FUNCTION);
        exec("INSERT INTO t SELECT g, g FROM generate_series(2, 100) g");
        write("V1__index.sql", "CREATE INDEX CONCURRENTLY t_slow_idx ON t (slow(v));");
        assertThatThrownBy(builder().longStatementTimeout(Duration.ofMillis(300)).build()::migrate)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.STATEMENT_TIMEOUT))
                .hasMessageContaining("canceling statement due to statement timeout")
                .hasMessageContaining("Raise statementTimeout(Duration) (brief catalog changes) or longStatementTimeout(Duration)")
                .hasMessageContaining("The INVALID index \"public\".\"t_slow_idx\" it left behind was dropped.");
        assertThat(invalidIndexes()).isZero();
    }

    @Test
    void briefChangesAndLongValidationsHaveSeparateStatementTimeouts() throws Exception {
        exec(SLOW_FUNCTION);
        exec("INSERT INTO t SELECT g, g FROM generate_series(2, 100) g");
        write("V1__check.sql", "ALTER TABLE t ADD CONSTRAINT v_slow CHECK (slow(v) > 0) NOT VALID;");
        write("V2__validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT v_slow;");
        write("V3__check_at_once.sql", "ALTER TABLE t ADD CONSTRAINT v_slow_too CHECK (slow(v) > 0);");
        // The lint gate refuses V3 (a scan under a blocking lock); this is about the executor's guard when it runs anyway.
        Underway uw = builder().statementTimeout(Duration.ofMillis(300)).unsafe(true).build();
        assertThatThrownBy(uw::migrate)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.STATEMENT_TIMEOUT))
                .hasMessageContaining("V3__check_at_once.sql:1: ERROR: canceling statement due to statement timeout")
                .hasMessageContaining("V3 was rolled back");
        assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname = 'v_slow' AND convalidated")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname = 'v_slow_too'")).isZero();
    }

    @Test
    void theLockTimeoutCoversTheWholeTransactionAndStatementTimeoutsOnlyTheirStatement() throws Exception {
        exec("ALTER DATABASE " + db.name() + " SET statement_timeout = '5min'");
        exec("CREATE TABLE seen (step text, lock_timeout text, statement_timeout text)");
        // A default from a stable function is evaluated once, by the ALTER itself, with the ALTER's settings. The
        // file's lock timeout caps the retry schedule's attempts, which start at 200 ms.
        write("V1__tx.sql", "-- underway:lock-timeout=150ms\nALTER TABLE t ADD COLUMN lt text DEFAULT current_setting('lock_timeout'),"
                + " ADD COLUMN st text DEFAULT current_setting('statement_timeout');\n"
                + "INSERT INTO seen SELECT 'after alter', current_setting('lock_timeout'), current_setting('statement_timeout');");
        write("V2__no_tx.sql", "-- underway:no-transaction\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
                + "INSERT INTO seen SELECT 'after build', current_setting('lock_timeout'), current_setting('statement_timeout');");
        // unsafe: the lint gate takes the stable current_setting() default for a rewrite.
        builder().statementTimeout(Duration.ofSeconds(45)).unsafe(true).build().migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT lt, st FROM t WHERE id = 1")) {
            rs.next();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("150ms 45s");
        }
        assertThat(db.column("SELECT step || ' ' || lock_timeout || ' ' || statement_timeout FROM seen ORDER BY step"))
                .containsExactly("after alter 150ms 5min", "after build 0 5min");
    }

    @Test
    void aConnectionLostBetweenStatementsIsReplacedAndTheRunContinues() throws Exception {
        exec("CREATE TABLE log (n int)");
        write("V1__steps.sql", "-- underway:no-transaction\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
                + "INSERT INTO log VALUES (1);\nCREATE INDEX CONCURRENTLY t_id_v_idx ON t (id, v);");
        Set<Integer> killedAfter = ConcurrentHashMap.newKeySet();
        RecordingListener killer = new RecordingListener() {
            @Override
            public void statementExecuted(PendingMigration m, SqlStatement s, long millis) {
                // The first two statements lose their connection once, right after the server ran them.
                if (s.index() < 2 && killedAfter.add(s.index())) {
                    terminateSessionThatRan(s.sql());
                }
            }
        };
        MigrateResult r = builder().listener(killer).build().migrate();
        assertThat(r.applied()).hasSize(1);
        assertThat(killedAfter).containsExactlyInAnyOrder(0, 1);
        assertThat(killer.reconnects).hasSize(2);
        assertThat(killer.attempts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(a.statement().index()).isEqualTo(1);
        });
        assertThat(count("SELECT count(*) FROM log")).as("the insert was rolled back with its connection, then redone")
                .isEqualTo(1);
        assertThat(validIndex("t_v_idx") + validIndex("t_id_v_idx")).isEqualTo(2);
        assertThat(historyValue("statements_done")).isEqualTo(3);
    }

    private void terminateSessionThatRan(String sql) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND query = ?")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next() && rs.getBoolean(1)).as("terminated the session that ran " + sql).isTrue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConnectionLostDuringAConcurrentBuildIsNotRetriedAndTheNextRunDropsTheLeftover() throws Exception {
        exec(SLOW_FUNCTION);
        exec("INSERT INTO t SELECT g, g FROM generate_series(2, 300) g");
        String build = "CREATE INDEX CONCURRENTLY t_slow_idx ON t (slow(v))";
        write("V1__index.sql", build + ";");
        Future<MigrateResult> run = inBackground(builder().build()::migrate);
        await().atMost(Duration.ofSeconds(30)).until(() -> running(build)
                && count("SELECT count(*) FROM pg_class WHERE relname = 't_slow_idx'") == 1);
        terminateSessionThatRan(build);
        assertThatThrownBy(() -> run.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(UnderwayException.class)
                .hasMessageContaining("whether it took effect is unknown")
                .hasMessageContaining("The INVALID index t_slow_idx it may have left behind is dropped when migrate runs again");
        assertThat(events.attempts).isEmpty();
        assertThat(invalidIndexes()).isEqualTo(1);

        exec(SLOW_FUNCTION.replace("PERFORM pg_sleep(0.01); ", ""));
        assertThat(builder().build().migrate().applied()).hasSize(1);
        assertThat(events.droppedIndexes).containsExactly(
                "\"public\".\"t_slow_idx\" left by an earlier failed or interrupted build of this statement");
        assertThat(validIndex("t_slow_idx")).isEqualTo(1);
        assertThat(invalidIndexes()).isZero();
    }
}
