package dev.underway.cli;

import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the real underway process (SIGKILL) in the middle of start and of complete, then runs
 * the same command again: it resumes at the interrupted action and the result is as if nothing
 * had happened. Rollback works from a killed start too.
 */
class ExpandContractProcessIT {
    private static final int ROWS = 200_000;
    @TempDir
    Path work;
    TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.postgres();
        try (Connection c = db.connect()) {
            Sql.exec(c, "CREATE TABLE items (id int PRIMARY KEY, qty text)");
            Sql.exec(c, "INSERT INTO items SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE (g % 50)::text END"
                    + " FROM generate_series(1, " + ROWS + ") g");
        }
        Files.writeString(work.resolve("V2__quantity.yaml"), """
                operations:
                  - alter_column:
                      table: items
                      column: qty
                      name: quantity
                      type: integer
                      nullable: false
                      up: coalesce(CAST(qty AS integer), 0)
                      down: CAST(quantity AS text)
                """);
    }

    private Process underway(String log, String... args) throws Exception {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--url", db.url(), "--user", db.user(), "--lock-timeout", "300ms"));
        return UnderwayProcess.start(work, work.resolve(log), full.toArray(String[]::new));
    }

    private String finish(Process p, String log) throws Exception {
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(work.resolve(log));
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
    }

    private String progress() throws SQLException {
        return db.value("SELECT phase || ':' || actions_done FROM underway.operations");
    }

    /**
     * Starts V2 and kills it in the middle of its backfill: once the new column exists, another
     * session locks the table's last row (the backfill needs about a second to get there), so the
     * backfill walks up to it and waits.
     */
    private void killStartDuringBackfill() throws Exception {
        stopStartDuringBackfill(ExpandContractProcessIT::kill);
    }

    private interface Stop {
        void stop(Process p) throws Exception;
    }

    private void stopStartDuringBackfill(Stop stop) throws Exception {
        Process start = underway("start.log", "start", "V2__quantity.yaml");
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).ignoreExceptions()
                    .until(() -> List.of("start:1", "start:2").contains(progress()));
            // A row lock (ROW SHARE) does not conflict with CREATE TRIGGER, only with the batch that reaches the row.
            Sql.exec(holder, "SELECT * FROM items WHERE id = " + ROWS + " FOR UPDATE");
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "start:2".equals(progress())
                        && Long.parseLong(db.value("SELECT rows_done FROM underway.backfills")) > 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the backfill was not seen waiting; progress " + progress() + ", backfill "
                        + db.value("SELECT status || ' ' || rows_done FROM underway.backfills") + ", log:\n"
                        + Files.readString(work.resolve("start.log")), e);
            }
            stop.stop(start);
            holder.rollback();
        }
        assertThat(progress()).isEqualTo("start:2");
        assertThat(Long.parseLong(db.value("SELECT rows_done FROM underway.backfills"))).isBetween(1L, ROWS - 1L);
        assertThat(db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'public_v2'")).isEqualTo("0");
    }

    @Test
    void killedStartAndCompleteFinishWhenRunAgain() throws Exception {
        killStartDuringBackfill();
        String resumed = finish(underway("start2.log", "start", "V2__quantity.yaml"), "start2.log");
        assertThat(resumed).contains("Started V2: 5 actions").contains("(resumed after action 2)")
                .doesNotContain("[1/5]").doesNotContain("[2/5]");
        assertThat(db.value("SELECT count(*) FROM items WHERE \"_uw_qty\" IS DISTINCT FROM coalesce(qty::int, 0)")).isEqualTo("0");
        assertThat(progress()).isEqualTo("started:0");

        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            Sql.exec(holder, "LOCK TABLE items IN SHARE UPDATE EXCLUSIVE MODE");
            Process complete = underway("complete.log", "complete");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "1".equals(db.value("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE application_name = 'underway' AND wait_event_type = 'Lock' AND query LIKE '%VALIDATE%'")));
            kill(complete);
            holder.rollback();
            assertThat(progress()).isEqualTo("complete:0");
            Sql.exec(holder, "SELECT count(*) FROM items");
            Process again = underway("complete2.log", "complete");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "complete:1".equals(progress()));
            // The contract meets the held lock, gives up waiting after its lock timeout and is about to retry.
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(work.resolve("complete2.log"))
                    .contains("gave up waiting"));
            kill(again);
            holder.rollback();
        }
        assertThat(progress()).isEqualTo("complete:1");
        assertThat(db.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'items'"
                + " AND column_name = 'qty'")).isEqualTo("1");

        String done = finish(underway("complete3.log", "complete"), "complete3.log");
        assertThat(done).contains("Completed V2").contains("(resumed after action 1)");
        assertThat(db.value("SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable, ', ' ORDER BY"
                + " ordinal_position) FROM information_schema.columns WHERE table_schema = 'public' AND table_name ="
                + " 'items'")).isEqualTo("id integer NO, quantity integer NO");
        assertThat(db.value("SELECT sum(quantity) FROM items")).isEqualTo(db.value("SELECT sum(coalesce((g % 50), 0)) FROM"
                + " generate_series(1, " + ROWS + ") g WHERE g % 7 <> 0"));
        assertThat(db.value("SELECT count(*) FROM underway.operations")).isEqualTo("0");
        assertThat(db.value("SELECT count(*) FROM pg_trigger WHERE tgname LIKE '\\_uw%'")).isEqualTo("0");
    }

    @Test
    void aStartStoppedWithSigtermRecordsWhereItStoppedAndFinishesWhenRunAgain() throws Exception {
        stopStartDuringBackfill(p -> {
            UnderwayProcess.signal(p, "TERM");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(work.resolve("start.log"))).isEqualTo(143);
        });
        String log = Files.readString(work.resolve("start.log"));
        assertThat(log).contains("The start of V2 was interrupted at action 3 of 5 (").contains("(SIGTERM)")
                .contains("Actions 1-2 are done and recorded; run `underway start V2__quantity.yaml` again to resume at"
                        + " action 3, or `underway rollback 2` to undo it.").doesNotContain("Exception");
        assertThat(db.value("SELECT status FROM underway.backfills")).isEqualTo("interrupted");
        assertThat(db.value("SELECT message FROM underway.operations")).contains("start stopped at action 3")
                .contains("interrupted (SIGTERM)");
        String resumed = finish(underway("start2.log", "start", "V2__quantity.yaml"), "start2.log");
        assertThat(resumed).contains("Started V2: 5 actions").contains("(resumed after action 2)");
        assertThat(db.value("SELECT count(*) FROM items WHERE \"_uw_qty\" IS DISTINCT FROM coalesce(qty::int, 0)")).isEqualTo("0");
    }

    @Test
    void aKilledStartRollsBack() throws Exception {
        killStartDuringBackfill();
        String out = finish(underway("rollback.log", "rollback"), "rollback.log");
        assertThat(out).contains("Rolled back V2");
        assertThat(db.value("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = 'items'")).isEqualTo("id, qty");
        assertThat(db.value("SELECT count(*) FROM underway.backfills")).isEqualTo("0");
        assertThat(db.value("SELECT count(*) FROM pg_proc WHERE proname LIKE '\\_uw%'")).isEqualTo("0");
        finish(underway("start3.log", "start", "V2__quantity.yaml", "--complete"), "start3.log");
        assertThat(db.value("SELECT count(*) FROM items WHERE quantity IS NULL")).isEqualTo("0");
    }
}
