package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM and SIGINT sent to a real underway process while its migration statement runs and
 * holds a lock on {@code live}: the statement must be cancelled on the server (an application
 * query issued after the process exited does not wait), the process exits 143/130 saying what
 * was interrupted and how to continue, the history says exactly what is applied, and a rerun
 * continues. Written once; one subclass per engine.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
abstract class InterruptProcessScenario {
    /** How long the slow statement would hold its lock if nobody cancelled it. */
    static final int HOLDS_SECONDS = 30;

    @TempDir
    Path work;
    TestDatabase db;
    Path dir;

    abstract TestDatabase newDatabase();

    /**
     * The migration: a change to {@code live}, then a statement that holds a lock on {@code live} for
     * {@link #HOLDS_SECONDS} while table {@code slow} has a row (and returns at once when it has none).
     */
    abstract String migration();

    /** Counts the sessions that run the slow statement now. */
    abstract String runningSlowStatements();

    /** What the application runs on {@code live}: it waits while the slow statement holds its lock. */
    abstract String applicationQuery();

    /** Makes the application give up after 10 s of waiting for a lock, so that a failure is quick and clear. */
    abstract String applicationLockTimeout();

    /** What the interrupted run printed about the state it left and how to continue. */
    abstract String aftermath();

    /** Checks the history and the tables after the interrupted run. */
    abstract void assertStateAfterInterruption() throws Exception;

    /** Checks that the rerun applied the rest exactly once. */
    abstract void assertStateAfterRerun(String rerunOutput) throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        db = newDatabase();
        try (Connection c = db.connect()) {
            exec(c, "CREATE TABLE live (id int PRIMARY KEY, n int NOT NULL)");
            exec(c, "INSERT INTO live VALUES (1, 0)");
            exec(c, "CREATE TABLE slow (x int)");
            exec(c, "INSERT INTO slow VALUES (1)");
            exec(c, "CREATE TABLE log (n int)");
        }
        dir = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(dir.resolve("V1__slow.sql"), migration());
    }

    static void exec(Connection c, String sql) throws SQLException {
        Sql.exec(c, sql);
    }

    long count(String sql) throws SQLException {
        return db.count(sql);
    }

    Process migrate(String log, String... extra) throws Exception {
        String[] base = {"migrate", "--url", db.url(), "--user", db.user(), "--dir", dir.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return UnderwayProcess.start(work, work.resolve(log), args);
    }

    String stop(Process p, String signal, int exitCode, String log) throws Exception {
        UnderwayProcess.signal(p, signal);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process stops after SIG" + signal).isTrue();
        String out = Files.readString(work.resolve(log));
        System.out.println("--- " + log + ":\n" + out);
        assertThat(p.exitValue()).as(out).isEqualTo(exitCode);
        return out;
    }

    void awaitSlowStatement() {
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> count(runningSlowStatements()) == 1);
    }

    /** Runs the application's query and returns how long it took. */
    Duration application() throws SQLException {
        try (Connection c = db.connect()) {
            exec(c, applicationLockTimeout());
            long start = System.nanoTime();
            exec(c, applicationQuery());
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    @Test
    void sigtermCancelsTheRunningStatementAndARerunContinues() throws Exception {
        Process run = migrate("term.log");
        awaitSlowStatement();
        String out = stop(run, "TERM", 143, "term.log");

        // The application's query comes after underway has exited: nothing of the run may still hold the lock.
        assertThat(application()).as("an application query after underway exited").isLessThan(Duration.ofSeconds(5));
        assertThat(count(runningSlowStatements())).as("the statement is not left running on the server").isZero();
        assertThat(out).contains("underway: SIGTERM: stopping").contains("V1__slow.sql:")
                .contains("interrupted (SIGTERM) while '").contains("the server cancelled it").contains(aftermath())
                .doesNotContain("Exception");
        assertStateAfterInterruption();

        try (Connection c = db.connect()) {
            exec(c, "DELETE FROM slow");
        }
        Cli rerun = Cli.run(work, "migrate", "--url", db.url(), "--user", db.user(), "--dir", dir.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertStateAfterRerun(rerun.out());
    }

    @Test
    void aRunWaitingForTheMigrationLockNamesItsHolderAndStopsOnSigint() throws Exception {
        assumeThat(UnderwayProcess.sigintIgnored()).as("SIGINT is ignored by this test JVM (a background job)").isFalse();
        Process holder = migrate("holder.log");
        awaitSlowStatement();
        Process waiter = migrate("waiter.log", "--lock-wait", "3m");
        await().atMost(Duration.ofSeconds(60)).alias("the waiting run reports the holder").until(
                () -> Files.readString(work.resolve("waiter.log")).contains("Waiting for the migration lock"));
        String waiting = Files.readString(work.resolve("waiter.log"));
        System.out.println("--- waiting:\n" + waiting);
        assertThat(waiting).containsPattern("held by another session \\((pid|connection) \\d+, user ")
                .containsPattern("(application 'underway'.*connected since .* UTC \\(.* ago\\)|idle for )");

        String out = stop(waiter, "INT", 130, "waiter.log");
        assertThat(out).contains("Waiting for the migration lock '").contains("was interrupted (SIGINT)")
                .contains("Nothing was changed").doesNotContain("Exception");
        stop(holder, "TERM", 143, "holder.log");
        assertThat(application()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void loadStopsOnSigintWithItsSummary() throws Exception {
        assumeThat(UnderwayProcess.sigintIgnored()).as("SIGINT is ignored by this test JVM (a background job)").isFalse();
        Process load = UnderwayProcess.start(work, work.resolve("load.log"), "load", "--table", "live", "--clients",
                "2", "--rate", "50", "--duration", "5m", "--url", db.url(), "--user", db.user());
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(work.resolve("load.log")).contains("   1 s "));
        String out = stop(load, "INT", 130, "load.log");
        assertThat(out).contains("longest stall:").doesNotContain("Exception");
    }

    /** The state info reports for V1 ({@code pending}, {@code failed}, {@code applied}). */
    String stateOfV1() throws Exception {
        Cli info = Cli.run(work, "info", "--format", "json", "--url", db.url(), "--user", db.user(), "--dir", dir.toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        for (JsonNode m : new ObjectMapper().readTree(info.out()).get("migrations")) {
            if ("1".equals(m.get("version").asText())) {
                return m.get("state").asText();
            }
        }
        return null;
    }
}
