package dev.underway.cli;

import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Separate underway processes, as deployments run them: concurrency and kill -9. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ProcessIT {
    @TempDir
    Path work;

    private Path migrations(int n) throws IOException {
        Path dir = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(dir.resolve("V0__runs.sql"), "CREATE TABLE runs (migration int);");
        for (int i = 1; i <= n; i++) {
            Files.writeString(dir.resolve("V" + i + "__m" + i + ".sql"),
                    "CREATE TABLE t" + i + " (id int);\nINSERT INTO runs VALUES (" + i + ");");
        }
        return dir;
    }

    private void tenProcessesApplyEachMigrationOnce(TestDatabase db, String targetSchema) throws Exception {
        Path dir = migrations(30);
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            processes.add(UnderwayProcess.start(work, work.resolve("run" + i + ".log"),
                    "migrate", "--url", db.url(), "--user", db.user(), "--dir", dir.toString()));
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(work.resolve("run" + i + ".log"))).isZero();
        }
        assertThat(db.count("SELECT count(*) FROM runs")).isEqualTo(30);
        assertThat(db.count("SELECT count(DISTINCT migration) FROM runs")).isEqualTo(30);
        assertThat(db.count("SELECT count(*) FROM " + db.stateTable("history") + " WHERE success AND target_schema = '" + targetSchema + "'"))
                .isEqualTo(31);
        long applyingRuns = 0;
        for (int i = 0; i < 10; i++) {
            if (Files.readString(work.resolve("run" + i + ".log")).contains("Applied V")) {
                applyingRuns++;
            }
        }
        assertThat(applyingRuns).as("runs that applied something").isGreaterThanOrEqualTo(1);
    }

    @Test
    void tenConcurrentProcessesOnPostgres() throws Exception {
        tenProcessesApplyEachMigrationOnce(TestDatabases.postgres(), "public");
    }

    @Test
    void tenConcurrentProcessesOnMariaDb() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        tenProcessesApplyEachMigrationOnce(db, db.name());
    }

    /**
     * Kills a run with SIGKILL while it waits inside the third statement of a statement-by-statement
     * migration, then re-runs: the first two statements must not run again, the rest exactly once.
     */
    private void killAndResume(TestDatabase db, String header, String blockingStatement, String holdSql, String waitingSql)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve("resume"));
        Files.writeString(dir.resolve("V1__log.sql"), "CREATE TABLE log (n int);");
        Files.writeString(dir.resolve("V2__steps.sql"), header
                + "INSERT INTO log VALUES (1);\nINSERT INTO log VALUES (2);\n" + blockingStatement + ";\nINSERT INTO log VALUES (4);");
        try (Connection holder = db.connect()) {
            Sql.exec(holder, holdSql);
            Process run = UnderwayProcess.start(work, work.resolve("killed.log"),
                    "migrate", "--url", db.url(), "--user", db.user(), "--dir", dir.toString());
            await().atMost(Duration.ofSeconds(60)).until(() -> db.count(waitingSql) == 1);
            run.destroyForcibly();
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(137);
        }
        assertThat(db.count("SELECT count(*) FROM log")).isEqualTo(2);

        Process rerun = UnderwayProcess.start(work, work.resolve("rerun.log"),
                "migrate", "--url", db.url(), "--user", db.user(), "--dir", dir.toString());
        assertThat(rerun.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(work.resolve("rerun.log"));
        assertThat(rerun.exitValue()).as(log).isZero();
        assertThat(log).contains("Applied V2 steps (V2__steps.sql): 2 statements").contains("resumed at statement 3");
        assertThat(db.count("SELECT count(*) FROM log WHERE n = 1")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM log WHERE n = 2")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM log WHERE n = 4")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM log")).isEqualTo(3);
    }

    @Test
    void killedRunResumesOnPostgres() throws Exception {
        killAndResume(TestDatabases.postgres(), "-- underway:no-transaction\n",
                "SELECT pg_advisory_lock(4242)", "SELECT pg_advisory_lock(4242)",
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_advisory_lock(4242)%'"
                        + " AND wait_event_type = 'Lock' AND application_name = 'underway'");
    }

    @Test
    void killedRunResumesOnMariaDb() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        killAndResume(db, "", "SELECT GET_LOCK('resume-" + db.name() + "', 120)",
                "SELECT GET_LOCK('resume-" + db.name() + "', 0)",
                "SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT GET_LOCK(''resume-"
                        + db.name() + "''%' AND STATE LIKE '%lock%'");
    }
}
