package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code underway backfill} as separate processes run it: kill -9 and resume, pause and continue
 * from another process, JSON lines. Written once; one subclass per engine.
 */
abstract class BackfillProcessScenario {
    @TempDir
    Path work;
    TestDatabase db;

    abstract TestDatabase newDatabase();

    /** The backfill's checkpoint name for table t. */
    abstract String stateName();

    @BeforeEach
    void setUp() throws SQLException {
        db = newDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)");
            StringBuilder insert = new StringBuilder("INSERT INTO t (id) VALUES (1)");
            for (int i = 2; i <= 3000; i++) {
                insert.append(", (").append(i).append(')');
            }
            s.execute(insert.toString());
        }
    }

    long count(String sql) throws SQLException {
        return db.count(sql);
    }

    /** The backfill's rows_done, -1 before it has a state row. */
    long rowsDone() throws SQLException {
        String done = backfillColumn("rows_done");
        return done == null ? -1 : Long.parseLong(done);
    }

    String status() throws SQLException {
        return backfillColumn("status");
    }

    String message() throws SQLException {
        return backfillColumn("message");
    }

    private String backfillColumn(String column) throws SQLException {
        return db.value("SELECT " + column + " FROM " + db.stateTable("backfills") + " WHERE name = ?", stateName());
    }

    private List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("backfill", "--table", "t", "--url", db.url(), "--user", db.user()));
        a.addAll(List.of(extra));
        return a;
    }

    Process start(String log, String... extra) throws Exception {
        return UnderwayProcess.start(work, work.resolve(log), args(extra).toArray(String[]::new));
    }

    Cli cli(String... extra) {
        return Cli.run(work, args(extra).toArray(String[]::new));
    }

    /** A slow backfill: 3000 rows at 1000 rows/s in batches of 50, each adding one to n. */
    private static final String[] SLOW = {"--set", "n = n + 1", "--batch-size", "50", "--max-rows-per-second", "1000",
        "--no-catch-up"};

    @Test
    void killedWithSigkillAndResumedDoesEveryRowExactlyOnce() throws Exception {
        Process run = start("killed.log", SLOW);
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> rowsDone() >= 500);
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(137);
        long done = rowsDone();
        assertThat(done).isLessThan(3000);
        // The checkpoint commits with its batch: exactly the rows it counts are done, none twice.
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(done);
        assertThat(count("SELECT count(*) FROM t WHERE n > 1")).isZero();

        Cli again = cli(SLOW);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("was interrupted (running) after " + done + " rows").contains("--resume");

        Cli resumed = cli("--set", "n = n + 1", "--batch-size", "500", "--no-catch-up", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming backfill of " + stateName());
        assertThat(resumed.out()).contains("Backfilled").contains(String.format("%,d rows walked by this run", 3000 - done));
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(3000);
        assertThat(status()).isEqualTo("done");
    }

    @Test
    void stoppedWithSigtermIsRecordedAsInterruptedAndResumes() throws Exception {
        Process run = start("term.log", SLOW);
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> rowsDone() >= 500);
        UnderwayProcess.signal(run, "TERM");
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(work.resolve("term.log"));
        assertThat(run.exitValue()).as(log).isEqualTo(143);
        assertThat(log).contains("The backfill " + stateName() + " of ").contains("was interrupted (SIGTERM)")
                .contains("A run with --resume continues from there").doesNotContain("Exception");
        assertThat(status()).isEqualTo("interrupted");
        assertThat(message()).contains("was interrupted (SIGTERM)");
        long done = rowsDone();
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(done);
        assertThat(count("SELECT count(*) FROM t WHERE n > 1")).isZero();

        Cli again = cli(SLOW);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("was interrupted after " + done + " rows").contains("--resume");
        Cli resumed = cli("--set", "n = n + 1", "--batch-size", "500", "--no-catch-up", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(3000);
        assertThat(status()).isEqualTo("done");
    }

    @Test
    void aKilledChangeThatIsNotIdempotentResumesWithoutCatchUpAndChangesEveryRowOnce() throws Exception {
        String[] withCatchUp = {"--set", "n = n + 1", "--batch-size", "50", "--max-rows-per-second", "1000"};
        Process run = start("killed-catch-up.log", withCatchUp);
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> rowsDone() >= 500);
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // The first batch showed that n = n + 1 differs again right after: that is recorded before the kill.
        assertThat(message()).startsWith("catch-up skipped: ");

        Cli resumed = cli("--set", "n = n + 1", "--batch-size", "500", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Catch-up skipped");
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(3000);
        assertThat(count("SELECT count(*) FROM t WHERE n <> 1")).isZero();
        assertThat(status()).isEqualTo("done");
    }

    /** Issue 20: "about 727532 rows" for 300k, "pass 0" beside "Catch-up pass 1", a page shown as a key, "24129.0 rows/s". */
    @Test
    void theOutputNamesPassesAsTheStatusDoesAndCountsWithThousandsSeparators() throws Exception {
        Cli run = cli("--set", "n = id + 1", "--batch-size", "500");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("backfill of " + stateName() + " (about 3,000 rows)")
                .contains("Backfill " + stateName() + ", catch-up pass 1: changing rows that still differ");
        assertThat(run.out()).contains(": 3,000 rows changed in ");
        Cli status = cli("--status");
        assertThat(status.out()).containsPattern("Backfill " + java.util.regex.Pattern.quote(stateName())
                + ": done, catch-up pass 1, [0-9,]+ of ~3,000 rows walked, 3,000 changed in all passes, "
                + (db.isPostgres() ? "next page [0-9]+" : "last key \\[3000\\]"));
        JsonNode json = new ObjectMapper().readTree(cli("--status", "--format", "json").out());
        assertThat(json.get("pass").asInt()).isEqualTo(1);
        assertThat(json.get("pass_kind").asText()).isEqualTo("catch-up");
        if (db.isPostgres()) {
            assertThat(json.get("last_key").isNull()).as("a page is not a key").isTrue();
            assertThat(json.get("next_page").asLong()).isPositive();
        } else {
            assertThat(json.get("last_key").get(0).asText()).isEqualTo("3000");
            assertThat(json.get("next_page").isNull()).isTrue();
        }
    }

    @Test
    void pausedAndContinuedFromAnotherProcess() throws Exception {
        Process run = start("paused.log", SLOW);
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> rowsDone() > 0);
        Cli pause = cli("--pause");
        assertThat(pause.exitCode()).as(pause.err()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> "paused".equals(status()));
        long held = rowsDone();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10)).until(() -> rowsDone() == held);

        Cli status = cli("--status", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("status").asText()).isEqualTo("paused");
        assertThat(json.get("rows_done").asLong()).isEqualTo(held);

        assertThat(cli("--continue").exitCode()).isZero();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(work.resolve("paused.log"));
        assertThat(run.exitValue()).as(log).isZero();
        assertThat(log).contains("Waiting: paused (run underway backfill --continue to resume)")
                .doesNotContain("pauseBackfill");
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(3000);
    }

    @Test
    void aNamedBackfillIsPausedAndReportedByItsName() throws Exception {
        // A default-named backfill of t exists too; --name t must still mean the one named exactly "t".
        assertThat(cli("--set", "n = 0").exitCode()).isZero();
        Cli noSuchName = cli("--status", "--name", "t");
        assertThat(noSuchName.exitCode()).isEqualTo(2);
        assertThat(noSuchName.err()).contains("no backfill t is recorded");
        assertThat(cli("--set", "n = 1", "--name", "first").exitCode()).isZero();
        assertThat(cli("--set", "n = id", "--where", "id <= 10", "--name", "second").exitCode()).isZero();
        JsonNode second = new ObjectMapper().readTree(cli("--status", "--name", "second", "--format", "json").out());
        assertThat(second.get("name").asText()).isEqualTo("second");
        assertThat(second.get("rows_changed").asLong()).isEqualTo(10);
        JsonNode first = new ObjectMapper().readTree(cli("--status", "--name", "first", "--format", "json").out());
        assertThat(first.get("rows_changed").asLong()).isEqualTo(3000);
        assertThat(cli("--pause", "--name", "second").exitCode()).isZero();
        assertThat(count("SELECT count(*) FROM " + db.stateTable("backfills") + " WHERE paused")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM " + db.stateTable("backfills") + " WHERE name = 'second' AND paused")).isEqualTo(1);
        Cli unknown = cli("--status", "--name", "third");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no backfill third is recorded");
    }

    @Test
    void jsonLinesReportEveryEventAndTheSummary() throws Exception {
        Cli run = cli("--set", "n = id * 2", "--batch-size", "1000", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            events.add(mapper.readTree(line));
        }
        assertThat(events.get(0).get("event").asText()).isEqualTo("started");
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("progress")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(e -> assertThat(e.has("eta_seconds") && e.has("rows_per_second")).isTrue());
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("finished");
        assertThat(last.get("rows_changed").asLong()).isEqualTo(3000);
        assertThat(last.get("converged").asBoolean()).isTrue();
        assertThat(count("SELECT count(*) FROM t WHERE n = id * 2")).isEqualTo(3000);
    }

    @Test
    void badInputExitsWith2AndChangesNothing() throws Exception {
        Cli unknown = Cli.run(work, "backfill", "--table", "nope", "--set", "n = 1", "--url", db.url(), "--user", db.user());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("table ").contains(".nope does not exist");
        Cli expression = cli("--set", "n = no_such_function(id)");
        assertThat(expression.exitCode()).isEqualTo(2);
        assertThat(expression.err()).contains("before any row was changed");
        assertThat(cli("--set", "n = 1", "--touch").exitCode()).isEqualTo(2);
        assertThat(cli("--set", "n = 1", "--batch-size", "5", "--target-batch-ms", "100").exitCode()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM t WHERE n <> 0")).isZero();
    }
}
