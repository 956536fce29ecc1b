package dev.underway.backfill;

import dev.underway.BackfillRef;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.BackfillPlan;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.BackfillState;
import dev.underway.migration.BackfillStatus;
import dev.underway.migration.ResumeMode;
import dev.underway.migration.RowChange;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.BackfillProgress;
import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Backfills against a real server. Written once; {@code PostgresBackfillIT} and
 * {@code MariaDbBackfillIT} run it per engine.
 */
abstract class BackfillScenario {
    TestDatabase db;
    final ExecutorService background = Executors.newCachedThreadPool();
    final Events events = new Events();

    abstract TestDatabase newDatabase();

    /** True when {@code a} and {@code b} differ, NULLs counting as equal. */
    abstract String differs(String a, String b);

    /** A table {@code items(id, a, b, touched)} whose key the application may not write, and a trigger counting updates. */
    abstract void createGeneratedKeyTableWithTrigger() throws SQLException;

    @BeforeEach
    void setUp() {
        db = newDatabase();
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
    }

    Underway underway() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).build();
    }

    void exec(String... sql) throws SQLException {
        db.exec(sql);
    }

    long count(String sql) throws SQLException {
        return db.count(sql);
    }

    /** {@code t(id int primary key, a varchar, b varchar, n int)} with ids step, 2*step, ... */
    void createItems(int rows, int step) throws SQLException {
        exec("CREATE TABLE t (id int PRIMARY KEY, a varchar(40) NOT NULL, b varchar(60), n int NOT NULL DEFAULT 0)");
        StringBuilder insert = new StringBuilder("INSERT INTO t (id, a) VALUES ");
        for (int i = 1; i <= rows; i++) {
            insert.append(i == 1 ? "" : ", ").append("(").append(i * step).append(", 'row").append(i).append("')");
        }
        exec(insert.toString());
    }

    BackfillResult backfill(BackfillRequest.Builder request) {
        return underway().backfill(request.build(), events);
    }

    Future<BackfillResult> inBackground(BackfillRequest.Builder request) {
        return background.submit(() -> backfill(request));
    }

    long progress(String column) throws SQLException {
        return count("SELECT " + column + " FROM " + db.stateTable("backfills") + " WHERE name = '" + stateName("t") + "'");
    }

    abstract String stateName(String table);

    String status() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT status FROM " + db.stateTable("backfills") + " WHERE name = '" + stateName("t") + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void changesEveryRowInKeyOrderedBatchesAndRecordsTheCheckpoint() throws Exception {
        createItems(1000, 1);
        BackfillResult r = backfill(BackfillRequest.builder("t").set("b = concat(a, '-done'), n = n + 1").batchSize(37)
                .catchUp(false));
        assertThat(count("SELECT count(*) FROM t WHERE " + differs("b", "concat(a, '-done')"))).isZero();
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(1000);
        assertThat(r.batches()).isEqualTo(28);
        assertThat(r.rowsChanged()).isEqualTo(1000);
        assertThat(events.batches).hasSize(28);
        assertThat(events.batches.get(0).rowsDone()).isEqualTo(37);
        assertThat(events.batches).extracting(BackfillProgress::rowsDone).isSorted();
        assertThat(status()).isEqualTo(BackfillStatus.DONE.text());
        assertThat(progress("rows_done")).isEqualTo(1000);
        assertThat(progress("batches")).isEqualTo(28);
    }

    /** Issue 20: "about 727532 rows" for 300k after an UPDATE of every row had doubled the table's pages. */
    @Test
    void theEstimateCountsTheRowsWhereStatisticsAreStale() throws Exception {
        createItems(3000, 1);
        exec(db.isPostgres() ? "ANALYZE t" : "ANALYZE TABLE t", "UPDATE t SET b = a");
        assertThat(underway().backfillPlan(BackfillRequest.builder("t").set("n = 1").build()).estimatedRows())
                .isEqualTo(3000);
    }

    @Test
    void adaptiveBatchesGrowFromSmall() throws Exception {
        createItems(3000, 1);
        backfill(BackfillRequest.builder("t").set("b = a").targetBatchTime(Duration.ofMillis(100)));
        assertThat(events.batches.get(0).batchSize()).isEqualTo(BatchSizer.INITIAL);
        assertThat(events.batches.stream().mapToInt(BackfillProgress::batchSize).max().orElse(0))
                .isGreaterThan(2 * BatchSizer.INITIAL);
        assertThat(count("SELECT count(*) FROM t WHERE b = a")).isEqualTo(3000);
    }

    /**
     * The documented guarantee: when a backfill with catch-up ends, every row satisfies the
     * assignments on its current values, whatever the application inserted (also below the
     * checkpoint), updated or deleted while the sweep ran.
     */
    @Test
    void concurrentInsertsUpdatesAndDeletesEndWithEveryRowMatchingItsExpression() throws Exception {
        createItems(3000, 2);
        List<Integer> deleted = new CopyOnWriteArrayList<>();
        List<Integer> inserted = new CopyOnWriteArrayList<>();
        int[] updates = new int[1];
        Future<?> inserter = background.submit(() -> app(c -> {
            int id = 1 + 2 * (int) (Math.random() * 3500);
            exec(c, "INSERT INTO t (id, a) VALUES (" + id + ", 'app" + id + "')");
            inserted.add(id);
        }));
        Future<?> updater = background.submit(() -> app(c -> {
            exec(c, "UPDATE t SET a = concat('upd', id) WHERE id = " + 2 * (1 + (int) (Math.random() * 3000)));
            updates[0]++;
        }));
        Future<?> deleter = background.submit(() -> app(c -> {
            int id = 2 * (1 + (int) (Math.random() * 3000));
            exec(c, "DELETE FROM t WHERE id = " + id);
            deleted.add(id);
        }));
        // The application stops writing before the first catch-up pass begins (the guarantee covers
        // every write made before the last pass started).
        events.beforeCatchUp = () -> {
            for (Future<?> writer : List.of(inserter, updater, deleter)) {
                writer.get();
            }
            return null;
        };
        BackfillResult r = backfill(BackfillRequest.builder("t").set("b = concat(a, '-done')").batchSize(50)
                .maxRowsPerSecond(3000));
        assertThat(inserted.size()).as("inserts during the sweep").isGreaterThan(10);
        assertThat(updates[0]).as("updates during the sweep").isGreaterThan(10);
        assertThat(deleted.size()).as("deletes during the sweep").isGreaterThan(10);
        assertThat(count("SELECT count(*) FROM t WHERE " + differs("b", "concat(a, '-done')"))).isZero();
        assertThat(count("SELECT count(*) FROM t WHERE a LIKE 'upd%'")).isPositive();
        assertThat(count("SELECT count(*) FROM t WHERE id IN (" + join(deleted) + ")")).isZero();
        assertThat(count("SELECT count(*) FROM t WHERE id % 2 = 1")).isEqualTo(inserted.size());
        assertThat(r.converged()).isTrue();
        assertThat(r.catchUpPasses()).as("one pass fixes what the sweep could not see, the next finds nothing").isEqualTo(2);
    }

    interface AppWrite {
        void run(Connection c) throws SQLException;
    }

    /** An application thread: writes in autocommit until the sweep is over. */
    private Void app(AppWrite write) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = db.connect()) {
            while (!events.sweepDone() && System.nanoTime() < deadline) {
                try {
                    write.run(c);
                } catch (SQLException e) {
                    if (!e.getMessage().toLowerCase().contains("duplicate")) {
                        throw e;
                    }
                }
            }
        }
        return null;
    }

    static void exec(Connection c, String sql) throws SQLException {
        Sql.exec(c, sql);
    }

    private static String join(List<Integer> ids) {
        return ids.isEmpty() ? "-1" : String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    @Test
    void aProbeAboveItsThresholdHoldsTheBackfillUntilItDrops() throws Exception {
        createItems(500, 1);
        exec("CREATE TABLE gate (v int)", "INSERT INTO gate VALUES (10)");
        Future<BackfillResult> run = inBackground(BackfillRequest.builder("t").set("n = n + 1").batchSize(100)
                .throttleQuery("SELECT v FROM gate", 5).throttleCheckInterval(Duration.ofMillis(50)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !events.throttles.isEmpty());
        assertThat(events.throttles.get(0)).contains("throttle query returned 10.0, above 5.0");
        assertThat(count("SELECT count(*) FROM t WHERE n > 0")).isZero();
        exec("UPDATE gate SET v = 3");
        BackfillResult r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.rowsChanged()).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(500);
    }

    /** A query that deletes the rows of {@code y} and returns a number (issue 20: such a probe did delete them). */
    abstract String writingProbe();

    /** A query that runs for ten seconds. */
    abstract String slowProbe();

    @Test
    void aThrottleQueryRunsReadOnlyWithATimeoutSoThatOneThatWritesChangesNothing() throws Exception {
        createItems(50, 1);
        exec("CREATE TABLE y (id int PRIMARY KEY)", "INSERT INTO y VALUES (1), (2), (3)");
        refused(BackfillRequest.builder("t").set("n = n + 1").throttleQuery(writingProbe(), 5), Reason.BAD_OPTION,
                "BackfillRequest.Builder.throttleQuery(String, double) must only read, but");
        refused(BackfillRequest.builder("t").set("n = n + 1").throttleQuery(writingProbe(), 5), Reason.BAD_OPTION,
                "so it changed nothing: " + writingProbe());
        assertThat(count("SELECT count(*) FROM y")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM t WHERE n > 0")).isZero();
        assertThat(recorded()).as("nothing recorded for a refused probe").isFalse();

        long start = System.nanoTime();
        refused(BackfillRequest.builder("t").set("n = n + 1").throttleQuery(slowProbe(), 5), Reason.BAD_OPTION,
                "throttleQuery(String, double) ran longer than its statement timeout of 5s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(9));
        // The probe's session is back to autocommit without the timeout: a good probe then runs the backfill.
        assertThat(backfill(BackfillRequest.builder("t").set("n = n + 1").throttleQuery("SELECT count(*) FROM y", 5))
                .rowsChanged()).isEqualTo(50);
    }

    private boolean recorded() {
        try {
            return status() != null;
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void pauseFromAnotherSessionHoldsBatchesUntilContinue() throws Exception {
        createItems(2000, 1);
        Future<BackfillResult> run = inBackground(BackfillRequest.builder("t").set("n = n + 1").batchSize(50)
                .maxRowsPerSecond(1000).throttleCheckInterval(Duration.ofMillis(50)).catchUp(false));
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> progress("rows_done") > 0);
        underway().pauseBackfill(BackfillRef.table("t"), true);
        await().atMost(Duration.ofSeconds(30)).until(() -> BackfillStatus.PAUSED.text().equals(status()));
        long held = progress("rows_done");
        assertThat(held).isLessThan(2000);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> progress("rows_done") == held);
        assertThat(events.throttles).anyMatch(t -> t.startsWith("paused"))
                .as("a library caller is told the facade call, not the flag")
                .anyMatch(t -> t.equals("paused (continue it with pauseBackfill(BackfillRef.named(\"" + stateName("t")
                        + "\"), false))"))
                .noneMatch(t -> t.contains("--continue"));
        underway().pauseBackfill(BackfillRef.table("t"), false);
        BackfillResult r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.rowsChanged()).isEqualTo(2000);
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(2000);
        assertThat(status()).isEqualTo(BackfillStatus.DONE.text());
    }

    @Test
    void aSecondRunOfTheSameBackfillIsRefusedWhileTheFirstRuns() throws Exception {
        createItems(2000, 1);
        Future<BackfillResult> run = inBackground(BackfillRequest.builder("t").set("n = n + 1").batchSize(50)
                .maxRowsPerSecond(2000).catchUp(false));
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> progress("rows_done") > 0);
        Underway impatient = Underway.builder().url(db.url()).user(db.user()).password(db.password())
                .lockWait(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> impatient.backfill(BackfillRequest.builder("t").set("n = n + 1").resume(ResumeMode.RESUME)
                .build(), null))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.LOCK_NOT_ACQUIRED))
                .hasMessageContaining("is already running in another session");
        assertThat(run.get(60, TimeUnit.SECONDS).rowsChanged()).isEqualTo(2000);
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(2000);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aRowLockHeldByTheApplicationMakesBatchesFailFastAndRetrySmaller() throws Exception {
        createItems(1000, 1);
        try (Connection app = db.connect()) {
            app.setAutoCommit(false);
            exec(app, "UPDATE t SET a = 'held' WHERE id = 500");
            Future<BackfillResult> run = inBackground(BackfillRequest.builder("t").set("b = concat(a, '-done')")
                    .batchSize(100).lockTimeout(Duration.ofMillis(100)).catchUp(false));
            await().atMost(Duration.ofSeconds(60)).until(() -> events.retries.size() >= 2);
            assertThat(events.retries.get(0)).contains("LOCK_TIMEOUT");
            assertThat(progress("rows_done")).isEqualTo(400);
            app.commit();
            BackfillResult r = run.get(60, TimeUnit.SECONDS);
            assertThat(r.retries()).isGreaterThanOrEqualTo(2);
        }
        assertThat(count("SELECT count(*) FROM t WHERE b = 'held-done'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM t WHERE " + differs("b", "concat(a, '-done')"))).isZero();
    }

    @Test
    void compositeKeysWalkEveryRowExactlyOnce() throws Exception {
        exec("CREATE TABLE t (tenant varchar(10) NOT NULL, id int NOT NULL, n int NOT NULL DEFAULT 0,"
                + " PRIMARY KEY (tenant, id))");
        StringBuilder insert = new StringBuilder("INSERT INTO t (tenant, id) VALUES ");
        for (int t = 0; t < 12; t++) {
            for (int i = 0; i < 50; i++) {
                insert.append(t + i == 0 ? "" : ", ").append("('t").append((char) ('a' + t)).append("', ").append(i).append(")");
            }
        }
        exec(insert.toString());
        BackfillResult r = backfill(BackfillRequest.builder("t").set("n = n + 1").batchSize(7).catchUp(false));
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(600);
        assertThat(r.batches()).isEqualTo(86);
    }

    @Test
    void touchNeverWritesTheKeyOrAGeneratedColumnAndFiresTriggersOncePerRow() throws Exception {
        createGeneratedKeyTableWithTrigger();
        exec("INSERT INTO items (a) VALUES ('x'), ('y'), ('z'), ('w'), ('v')");
        BackfillPlan plan = underway().backfillPlan(BackfillRequest.builder("items").change(RowChange.touch()).build());
        assertThat(plan.change()).doesNotContain("id").doesNotContain("g");
        assertThat(plan.catchUp()).isFalse();
        backfill(BackfillRequest.builder("items").change(RowChange.touch()).batchSize(2));
        assertThat(count("SELECT count(*) FROM items WHERE touched = 1")).isEqualTo(5);
        backfill(BackfillRequest.builder("items").set("a = upper(a)").batchSize(2).resume(ResumeMode.RESTART));
        assertThat(count("SELECT count(*) FROM items WHERE touched = 2 AND a IN ('X', 'Y', 'Z', 'W', 'V')")).isEqualTo(5);
    }

    @Test
    void aRowsPerSecondCapAlsoBoundsAFixedBatchSize() throws Exception {
        createItems(600, 1);
        BackfillResult r = backfill(BackfillRequest.builder("t").set("n = id").batchSize(1000).maxRowsPerSecond(200)
                .catchUp(false));
        assertThat(r.rowsChanged()).isEqualTo(600);
        assertThat(r.batches()).as("no batch larger than one second's worth (200 rows)").isGreaterThanOrEqualTo(3);
    }

    @Test
    void badInputIsRefusedBeforeAnyRowChanges() throws Exception {
        createItems(100, 1);
        exec("CREATE TABLE nokey (a int, b int)", "INSERT INTO nokey VALUES (1, 1)");
        refused(BackfillRequest.builder("nope").set("b = a"), Reason.NO_SUCH_OBJECT, "table " + schema() + ".nope does not exist");
        refused(BackfillRequest.builder("t").set("nope = a"), Reason.NO_SUCH_OBJECT, "column nope does not exist in table " + schema()
                + ".t (its columns: id, a, b, n)");
        refused(BackfillRequest.builder("t").set("b = no_such_function(a)"), Reason.BAD_OPTION, "refused by");
        refused(BackfillRequest.builder("t").set("b = a").where("no_such_column > 1"), Reason.BAD_OPTION, "refused by");
        refused(BackfillRequest.builder("t").set("b = a").where("false) OR (true"), Reason.BAD_OPTION, "closes a parenthesis it did not"
                + " open");
        refused(BackfillRequest.builder("t").set("b = a").where("a > 0 /* all */"), Reason.BAD_OPTION, "contains a comment");
        refused(BackfillRequest.builder("t").set("id = id + 1"), Reason.BAD_OPTION, "column id is part of the primary key");
        refused(BackfillRequest.builder("nokey").set("b = a"), Reason.NO_USABLE_KEY, "table " + schema() + ".nokey has no primary key and no"
                + " unique index on NOT NULL columns");
        assertThat(count("SELECT count(*) FROM t WHERE b IS NOT NULL OR n <> 0")).isZero();
        assertThat(count("SELECT count(*) FROM nokey WHERE b = 1")).isEqualTo(1);
    }

    abstract String schema();

    private void refused(BackfillRequest.Builder request, Reason reason, String message) {
        assertThatThrownBy(() -> backfill(request)).isInstanceOf(UnderwayException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(reason));
    }

    @Test
    void aCheckpointMustBeResumedOrRestartedAndOnlyWithTheSameChange() throws Exception {
        createItems(100, 1);
        backfill(BackfillRequest.builder("t").set("n = n + 1").catchUp(false));
        assertThatThrownBy(() -> backfill(BackfillRequest.builder("t").set("n = n + 1"))).hasMessageContaining(
                "already finished").hasMessageContaining("resume(ResumeMode.RESTART)")
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKPOINT_EXISTS));
        assertThat(backfill(BackfillRequest.builder("t").set("n = n + 1").catchUp(false).resume(ResumeMode.RESUME))
                .alreadyDone()).isTrue();
        assertThatThrownBy(() -> backfill(BackfillRequest.builder("t").set("n = n + 2").resume(ResumeMode.RESUME)))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH))
                .hasMessageContaining("was checkpointed with SET");
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(100);
    }

    @Test
    void aNonDeterministicExpressionSkipsCatchUpInsteadOfRewritingTheTableAgain() throws Exception {
        createItems(300, 1);
        BackfillResult r = backfill(BackfillRequest.builder("t").set("n = n + 1").batchSize(100));
        assertThat(r.catchUpSkipped()).contains("100 of the 100 rows of the first batch differed");
        assertThat(r.converged()).isNull();
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(300);
    }

    /** Records the listener's events for assertions. */
    static final class Events implements BackfillListener {
        final List<BackfillProgress> batches = new CopyOnWriteArrayList<>();
        final List<String> throttles = new CopyOnWriteArrayList<>();
        final List<String> retries = new CopyOnWriteArrayList<>();
        final List<Integer> passes = new CopyOnWriteArrayList<>();
        final List<String> targets = new CopyOnWriteArrayList<>();
        volatile boolean sweepDone;
        volatile Callable<?> beforeCatchUp = () -> null;

        boolean sweepDone() {
            return sweepDone;
        }

        @Override
        public void passStarted(String name, int pass) {
            passes.add(pass);
            if (pass == 1) {
                sweepDone = true;
                try {
                    beforeCatchUp.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void batchDone(BackfillProgress progress) {
            batches.add(progress);
            if (!targets.contains(progress.target())) {
                targets.add(progress.target());
            }
        }

        @Override
        public void throttled(String name, String reason, Duration waited) {
            throttles.add(reason);
        }

        @Override
        public void retrying(String name, String reason, int attempt, Duration wait, int nextBatchSize) {
            retries.add(reason);
        }
    }
}
