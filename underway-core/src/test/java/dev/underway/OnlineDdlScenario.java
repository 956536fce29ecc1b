package dev.underway;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialects;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.OnlineExecution;
import dev.underway.observe.RetryAttempt;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A migration that alters a table another session keeps in use: short lock timeouts,
 * retries, what the application sees meanwhile, naming and ending blockers. Written once;
 * {@code PostgresOnlineDdlIT} and {@code MariaDbOnlineDdlIT} run it per engine.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class OnlineDdlScenario {
    /**
     * How much longer than the lock timeout an application query may wait: room for scheduling
     * noise on a busy 2-core machine (measured here: the slowest query waits the lock timeout
     * plus 0–1 ms), 60% of the lock timeout but at least 300 ms, so that a lock timeout twice as
     * long as asked still fails the test.
     */
    Duration margin() {
        return Duration.ofMillis(Math.max(300, lockTimeout().toMillis() * 6 / 10));
    }

    /** Room for connecting, backoff jitter and the last blocker report when a whole retry budget is timed. */
    static final Duration BUDGET_SLACK = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    TestDatabase db;
    final RecordingListener events = new RecordingListener();
    final ExecutorService background = Executors.newCachedThreadPool();

    abstract TestDatabase newDatabase();

    /** The shortest lock timeout the engine honours well (MySQL/MariaDB count whole seconds). */
    abstract Duration lockTimeout();

    /** How a session that sits in an open transaction is described. */
    abstract String idleState();

    /** How a blocking session is named in messages. */
    abstract String sessionLabel(long id);

    /** A query that keeps running (and keeps table t in use) for a minute. */
    abstract String longQueryOnT();

    /** True while {@code sql} runs on some session. */
    abstract boolean running(String sql) throws SQLException;

    @BeforeEach
    void setUp() throws SQLException {
        db = newDatabase();
        exec("CREATE TABLE t (id int PRIMARY KEY, v int)");
        exec("INSERT INTO t VALUES (1, 1)");
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
    }

    void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    Underway.Builder builder() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir)
                .lockTimeout(lockTimeout()).lockRetryFor(Duration.ofMinutes(1)).listener(events);
    }

    void exec(String sql) throws SQLException {
        db.exec(sql);
    }

    long count(String sql) throws SQLException {
        return db.count(sql);
    }

    String targetSchema() {
        return db.isPostgres() ? "public" : db.name();
    }

    boolean columnExists(String table, String column) throws SQLException {
        return count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + targetSchema()
                + "' AND table_name = '" + table + "' AND column_name = '" + column + "'") == 1;
    }

    /** Opens a transaction on {@code c} that has read t (PostgreSQL: ACCESS SHARE; MariaDB: the metadata lock). */
    long holdOpenTransactionOnT(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t")) {
            rs.next();
        }
        return Dialects.detect(c, DatabaseKind.fromUrl(db.url())).blockers().sessionId(c);
    }

    <T> Future<T> inBackground(Callable<T> work) {
        return background.submit(work);
    }

    static Duration times(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    /** The lock timeout of the n-th attempt (from 1): 200 ms, doubling up to the lock timeout, as the engine counts. */
    Duration attemptTimeout(int n, Duration lockTimeout) {
        Duration d = Duration.ofMillis(Math.min(lockTimeout.toMillis(), 200L << Math.min(n - 1, 20)));
        return db.isPostgres() ? d : Duration.ofSeconds(Math.max(1, (d.toMillis() + 999) / 1000));
    }

    @Test
    void applicationQueriesNeverWaitLongerThanTheLockTimeoutWhileTheMigrationRetries() throws Exception {
        write("V1__add_column.sql", "ALTER TABLE t ADD COLUMN c int;");
        Underway uw = builder().build();
        try (Connection blocker = db.connect()) {
            long blockerId = holdOpenTransactionOnT(blocker);
            LatencyProbe app = new LatencyProbe(db, "t");
            MigrateResult result;
            try (app) {
                Future<MigrateResult> run = inBackground(uw::migrate);
                await().atMost(Duration.ofMinutes(1)).until(() -> events.attempts.size() >= 2 || run.isDone());
                assertThat(run.isDone()).as("migrate must wait while the blocker is open").isFalse();
                blocker.commit();
                result = run.get(1, TimeUnit.MINUTES);
            }
            System.out.printf("%s: %d application queries while migrate retried %d times; slowest %d ms (lock timeout %d ms)%n",
                    getClass().getSimpleName(), app.queries(), events.attempts.size(), app.maxMillis(), lockTimeout().toMillis());
            assertThat(result.applied()).hasSize(1);
            assertThat(columnExists("t", "c")).isTrue();
            assertThat(app.queries()).as("application queries during the retries").isGreaterThan(10);
            assertThat(app.maxMillis()).as("slowest application query (ms)")
                    .isLessThanOrEqualTo(lockTimeout().plus(margin()).toMillis());

            assertThat(events.attempts).allSatisfy(a -> {
                assertThat(a.kind()).isEqualTo(ErrorKind.LOCK_TIMEOUT);
                assertThat(a.waited()).isGreaterThanOrEqualTo(times(attemptTimeout(a.attempt(), lockTimeout()), 0.9));
                assertThat(a.retryIn()).isNotNull();
                assertThat(a.nextLockTimeout()).isEqualTo(attemptTimeout(a.attempt() + 1, lockTimeout()));
            });
            assertThat(events.attempts).anySatisfy(a -> assertThat(a.blockers()).anySatisfy(b -> {
                assertThat(b.id()).isEqualTo(blockerId);
                assertThat(b.idleInTransaction()).isTrue();
                assertThat(b.state()).isEqualTo(idleState());
            }));
            int failed = events.attempts.size();
            assertThat(result.applied().get(0).retries()).isEqualTo(failed);
            assertThat(count("SELECT retries FROM " + db.stateTable("history") + " WHERE target_schema = '" + targetSchema() + "'"))
                    .isEqualTo(failed);
            long waited = events.attempts.stream().mapToLong(a -> attemptTimeout(a.attempt(), lockTimeout()).toMillis()).sum();
            assertThat(count("SELECT lock_wait_ms FROM " + db.stateTable("history") + " WHERE target_schema = '" + targetSchema() + "'"))
                    .isGreaterThanOrEqualTo(Math.round(waited * 0.9));
        }
    }

    /**
     * Issue 20: behind a blocker that stays open, the old schedule (a full lock timeout, then pauses of a
     * few hundred ms) kept the application waiting about 70% of the time. With the defaults, the application's
     * queries, timed by themselves, may wait behind the retries for about a tenth of the time: at most 15% of
     * the whole blocked period and 20% of any ten seconds, room for a noisy machine's slow queries (counted as
     * waiting too) that a schedule queueing twice as long would still exceed.
     */
    @Test
    void behindABlockerTheApplicationWaitsForTheRetriesAboutATenthOfTheTime() throws Exception {
        write("V1__add_column.sql", "ALTER TABLE t ADD COLUMN c int;");
        Underway uw = builder().lockTimeout(OnlineExecution.DEFAULT_LOCK_TIMEOUT).build();
        Duration blocked = Duration.ofSeconds(20);
        long window = Duration.ofSeconds(10).toNanos();
        try (Connection blocker = db.connect(); LatencyProbe app = new LatencyProbe(db, "t")) {
            holdOpenTransactionOnT(blocker);
            long from = System.nanoTime();
            Future<MigrateResult> run = inBackground(uw::migrate);
            await().atMost(blocked.plusSeconds(30)).until(() -> System.nanoTime() - from >= blocked.toNanos());
            long to = System.nanoTime();
            blocker.commit();
            assertThat(run.get(1, TimeUnit.MINUTES).applied()).hasSize(1);
            long waited = app.waitedMillis(from, to);
            long worst = app.worstWaitedMillis(window, from, to);
            System.out.printf("%s: the application waited %d ms of %d ms behind %d attempts (worst 10 s: %d ms): %s%n",
                    getClass().getSimpleName(), waited, (to - from) / 1_000_000, events.attempts.size(), worst,
                    app.waits(from));
            assertThat(events.attempts).as("the migration kept retrying").hasSizeGreaterThanOrEqualTo(2);
            assertThat(waited).as("the application saw the retries at all (ms)").isGreaterThanOrEqualTo(200);
            assertThat(waited).as("ms the application waited in %d ms", (to - from) / 1_000_000)
                    .isLessThanOrEqualTo((to - from) / 1_000_000 * 15 / 100);
            assertThat(worst).as("ms the application waited in the worst 10 s").isLessThanOrEqualTo(2_000);
        }
        assertThat(columnExists("t", "c")).isTrue();
    }

    @Test
    void aBlockerThatStaysOpenExhaustsTheRetryBudgetAndIsNamed() throws Exception {
        write("V1__add_column.sql", "ALTER TABLE t ADD COLUMN c int;");
        Duration budget = times(lockTimeout(), 2.5);
        Underway uw = builder().lockRetryFor(budget).build();
        try (Connection blocker = db.connect()) {
            long blockerId = holdOpenTransactionOnT(blocker);
            long start = System.nanoTime();
            assertThatThrownBy(uw::migrate)
                    .isInstanceOf(UnderwayException.class)
                    .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BLOCKED))
                    .hasMessageContaining("V1__add_column.sql:1: gave up on 'ALTER TABLE t ADD COLUMN c int' after")
                    .hasMessageContaining("Blocked at the last attempt by " + sessionLabel(blockerId) + " (user ")
                    .hasMessageContaining(idleState() + ", transaction open for ")
                    .hasMessageContaining("run the same command again");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).isLessThan(budget.plus(lockTimeout()).plus(BUDGET_SLACK));
            // Each attempt is followed by a pause nine times as long, so this budget holds one or two attempts.
            assertThat(events.attempts).hasSizeBetween(1, 2);
            assertThat(events.attempts.get(events.attempts.size() - 1).givingUp()).isTrue();
            assertThat(events.attempts.subList(0, events.attempts.size() - 1)).noneMatch(RetryAttempt::givingUp);
            assertThat(columnExists("t", "c")).isFalse();
        }
        assertThat(builder().build().migrate().applied()).hasSize(1);
    }

    @Test
    void onlyTheBlockedUnitIsRetriedAndNothingRunsTwice() throws Exception {
        exec("CREATE TABLE log (n int)");
        // PostgreSQL runs both in one transaction (retried as a whole), MariaDB statement by statement.
        write("V1__log_then_alter.sql", "INSERT INTO log VALUES (1);\nALTER TABLE t ADD COLUMN c int;");
        try (Connection blocker = db.connect()) {
            holdOpenTransactionOnT(blocker);
            Future<MigrateResult> run = inBackground(builder().build()::migrate);
            await().atMost(Duration.ofMinutes(1)).until(() -> !events.attempts.isEmpty());
            blocker.commit();
            assertThat(run.get(1, TimeUnit.MINUTES).applied()).hasSize(1);
        }
        assertThat(count("SELECT count(*) FROM log")).isEqualTo(1);
        assertThat(events.attempts).allSatisfy(a -> assertThat(a.statement().line()).isEqualTo(2));
        assertThat(count("SELECT statements_done FROM " + db.stateTable("history") + " WHERE target_schema = '" + targetSchema() + "'"))
                .isEqualTo(2);
    }

    @Test
    void killBlockersAfterCancelsThenTerminatesAnIdleInTransactionBlocker() throws Exception {
        write("V1__add_column.sql", "ALTER TABLE t ADD COLUMN c int;");
        Underway uw = builder().killBlockersAfter(lockTimeout()).build();
        try (Connection blocker = db.connect()) {
            long blockerId = holdOpenTransactionOnT(blocker);
            assertThat(uw.migrate().applied()).hasSize(1);
            assertThat(events.ended).containsExactly("cancelled " + blockerId, "terminated " + blockerId);
            assertThatThrownBy(() -> {
                try (Statement s = blocker.createStatement()) {
                    s.execute("SELECT 1");
                }
            }).isInstanceOf(SQLException.class);
        }
        assertThat(columnExists("t", "c")).isTrue();
    }

    @Test
    void aBlockerRunningAQueryIsNeverKilled() throws Exception {
        write("V1__add_column.sql", "ALTER TABLE t ADD COLUMN c int;");
        Underway uw = builder().killBlockersAfter(Duration.ZERO).lockRetryFor(times(lockTimeout(), 2.5)).build();
        try (Connection active = db.connect(); Statement query = active.createStatement()) {
            Future<Boolean> running = inBackground(() -> query.execute(longQueryOnT()));
            await().atMost(Duration.ofSeconds(30)).until(() -> running(longQueryOnT()));
            assertThatThrownBy(uw::migrate)
                    .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BLOCKED));
            assertThat(events.ended).isEmpty();
            assertThat(running.isDone()).isFalse();
            assertThat(running(longQueryOnT())).isTrue();
            query.cancel();
        }
    }
}
