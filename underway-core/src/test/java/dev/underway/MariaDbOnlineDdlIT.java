package dev.underway;

import dev.underway.migration.Blocker;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbOnlineDdlIT extends OnlineDdlScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    Duration lockTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    String idleState() {
        return "Sleep with an open transaction";
    }

    @Override
    String sessionLabel(long id) {
        return "connection " + id;
    }

    @Override
    String longQueryOnT() {
        return "SELECT SLEEP(60) FROM t";
    }

    @Override
    boolean running(String sql) throws SQLException {
        return count("SELECT count(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND INFO = '"
                + sql.replace("'", "''") + "'") > 0;
    }

    @Test
    void afterDdlRanWithUnderwaysTimeoutsNewTablesAndDmlRunWithTheServerDefaults() throws Exception {
        // The ALTER runs with lock_wait_timeout 3 and max_statement_time 45; a new table (it waits for
        // nobody: pinned on MariaDB 11.4, even with a FOREIGN KEY to a table others read) and DML get the
        // server's own settings back.
        write("V1__settings.sql", "-- underway:lock-timeout=3s\n"
                + "ALTER TABLE t ADD COLUMN z int;\n"
                + "CREATE TABLE seen AS SELECT 'new table' AS step, @@lock_wait_timeout AS lwt, @@max_statement_time AS mst;\n"
                + "INSERT INTO seen SELECT 'dml', @@lock_wait_timeout, @@max_statement_time;");
        var plan = builder().statementTimeout(Duration.ofSeconds(45)).build().plan();
        assertThat(plan.migrations().get(0).statements().get(0).guards()).isEqualTo("lock timeout 3s, statement timeout 45s");
        builder().statementTimeout(Duration.ofSeconds(45)).build().migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT concat(step, ' ', lwt, ' ', mst) FROM seen ORDER BY step")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("dml 86400 0.000000");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("new table 86400 0.000000");
        }
    }

    @Test
    void inPlaceIndexBuildsGetTheLongStatementTimeoutAndOtherDdlTheBriefOne() throws Exception {
        exec("INSERT INTO t SELECT seq, seq FROM seq_2_to_300000");
        write("V1__index.sql", "CREATE INDEX t_v ON t (v);");
        write("V2__copy.sql", "ALTER TABLE t ADD COLUMN d int DEFAULT 5, ALGORITHM=COPY;");
        Duration brief = Duration.ofMillis(50);
        // The lint gate refuses V2 (a copy that blocks writes); this is about the executor's guard when it runs anyway.
        Underway uw = builder().statementTimeout(brief).unsafe(true).build();
        assertThatThrownBy(uw::migrate)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.STATEMENT_TIMEOUT))
                .hasMessageContaining("V2__copy.sql:1: (conn=")
                .hasMessageContaining("max_statement_time exceeded")
                .hasMessageContaining("Raise statementTimeout(Duration)");
        assertThat(count("SELECT execution_ms FROM " + db.stateTable("history") + " WHERE target_schema = '" + db.name()
                + "' AND version = '1'")).as("the build outlasted the brief timeout, so that the test means something")
                .isGreaterThan(brief.toMillis());
        assertThat(columnExists("t", "d")).isFalse();
    }

    /**
     * With performance_schema.metadata_locks on (the test server starts with it), the session
     * that holds t's metadata lock is named for certain and an older open transaction on another
     * table is not; with the instrument off, both are named as possibly blocking.
     */
    @Test
    void theMetadataLockViewNamesExactlyTheHolder() throws Exception {
        exec("CREATE TABLE u (id int PRIMARY KEY)");
        write("V1__add_column.sql", "ALTER TABLE t ADD COLUMN c int;");
        try (Connection bystander = db.connect(); Connection blocker = db.connect()) {
            bystander.setAutoCommit(false);
            try (Statement st = bystander.createStatement()) {
                st.executeQuery("SELECT * FROM u").close();
            }
            long bystanderId = sessionId(bystander);
            long blockerId = holdOpenTransactionOnT(blocker);

            migrateUntilGivingUp();
            assertThat(events.attempts).isNotEmpty().allSatisfy(a -> assertThat(a.blockers()).singleElement()
                    .satisfies(b -> {
                        assertThat(b.id()).isEqualTo(blockerId);
                        assertThat(b.certain()).isTrue();
                    }));

            events.attempts.clear();
            exec("UPDATE performance_schema.setup_instruments SET ENABLED = 'NO' WHERE NAME = 'wait/lock/metadata/sql/mdl'");
            try {
                migrateUntilGivingUp();
            } finally {
                exec("UPDATE performance_schema.setup_instruments SET ENABLED = 'YES'"
                        + " WHERE NAME = 'wait/lock/metadata/sql/mdl'");
            }
            assertThat(events.attempts).isNotEmpty().allSatisfy(a -> {
                assertThat(a.blockers()).extracting(Blocker::id).contains(blockerId, bystanderId);
                assertThat(a.blockers()).noneMatch(Blocker::certain);
            });
        }
    }

    private void migrateUntilGivingUp() {
        Underway uw = builder().lockRetryFor(times(lockTimeout(), 1.5)).build();
        assertThatThrownBy(uw::migrate).satisfies(e -> assertThat(((UnderwayException) e).code())
                .isEqualTo(ErrorCode.LOCK_TIMEOUT));
    }

    private static long sessionId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
