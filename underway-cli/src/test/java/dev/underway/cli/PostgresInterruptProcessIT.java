package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The case: a transaction whose ALTER holds ACCESS EXCLUSIVE on live while pg_sleep runs. */
class PostgresInterruptProcessIT extends InterruptProcessScenario {
    private static final String COLUMN_C = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'live'"
            + " AND column_name = 'c'";

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String migration() {
        return "ALTER TABLE live ADD COLUMN c int;\nSELECT pg_sleep(CASE WHEN EXISTS (SELECT 1 FROM slow) THEN "
                + HOLDS_SECONDS + " ELSE 0 END);\n";
    }

    @Override
    String runningSlowStatements() {
        return "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'underway' AND state = 'active'"
                + " AND query LIKE 'SELECT pg_sleep(CASE%'";
    }

    @Override
    String applicationQuery() {
        return "SELECT count(*) FROM live";
    }

    @Override
    String applicationLockTimeout() {
        return "SET lock_timeout = '10s'";
    }

    @Override
    String aftermath() {
        return "V1 was rolled back: none of its statements were applied. Run migrate again to apply it.";
    }

    @Override
    void assertStateAfterInterruption() throws Exception {
        assertThat(stateOfV1()).isEqualTo("pending");
        assertThat(count(COLUMN_C)).isZero();
    }

    @Override
    void assertStateAfterRerun(String out) throws Exception {
        assertThat(out).contains("Applied V1 slow (V1__slow.sql): 2 statements");
        assertThat(stateOfV1()).isEqualTo("applied");
        assertThat(count(COLUMN_C)).isEqualTo(1);
    }

    @Test
    void traceStopsOnSigtermAndDropsItsScratchDatabase() throws Exception {
        Path file = Files.writeString(work.resolve("trace.sql"), "CREATE TABLE t (id int);\nSELECT pg_sleep(60);\n"
                + "CREATE INDEX i ON t (id);\n");
        String scratch = "SELECT count(*) FROM pg_database WHERE datname LIKE 'underway\\_trace\\_%'";
        long before = count(scratch);
        Process trace = UnderwayProcess.start(work, work.resolve("trace.log"), "trace", file.toString(), "--url", db.url(),
                "--user", db.user());
        String sleeping = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(60)%'";
        await().atMost(Duration.ofSeconds(60)).until(() -> count(sleeping) == 1);
        String out = stop(trace, "TERM", 143, "trace.log");
        assertThat(out).contains("The trace was interrupted (SIGTERM). It stopped")
                .contains("its scratch database is dropped").doesNotContain("Exception");
        // DROP DATABASE ... WITH (FORCE) ends the scratch database's sessions; an ended backend leaves
        // pg_stat_activity a moment after the drop returns. Without the cancel it would sleep for a minute.
        await().atMost(Duration.ofSeconds(5)).until(() -> count(sleeping) == 0);
        assertThat(count(scratch)).isEqualTo(before);
    }
}
