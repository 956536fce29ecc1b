package dev.underway.load;

import dev.underway.config.ConnectionSettings;
import dev.underway.report.LatencyStats;
import dev.underway.report.QueryKind;
import dev.underway.report.QueryMix;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The load generator's accounting against what the database itself counted, on workloads whose
 * outcome is known: every insert a row, every update a counted trigger call, every failing update
 * one error of its SQLSTATE, a table held locked one stall at least as long as the hold. Written
 * once; {@code PostgresLoadIT} and {@code MariaDbLoadIT} run it per engine.
 */
abstract class LoadScenario {
    static final int ROWS = 1000;
    TestDatabase db;

    abstract TestDatabase newDatabase();

    abstract String schema();

    /** An AFTER UPDATE trigger on t that adds one to updates.n per row. */
    abstract void countUpdates() throws SQLException;

    /** A BEFORE UPDATE trigger on t that fails with SQLSTATE 22012. */
    abstract void failUpdates() throws SQLException;

    /** Blocks every read and write of t from another session until the returned connection commits. */
    abstract Connection lockTable() throws SQLException;

    /** How many sessions wait for a lock on t now. */
    abstract int waitingForLock() throws SQLException;

    @BeforeEach
    void setUp() throws SQLException {
        db = newDatabase();
        exec("CREATE TABLE t (id bigint PRIMARY KEY, a varchar(40) NOT NULL, b int)");
        exec("CREATE TABLE updates (n bigint NOT NULL)");
        exec("INSERT INTO updates VALUES (0)");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= ROWS; i++) {
            values.append(i == 1 ? "" : ",").append("(").append(i).append(", 'row ").append(i).append("', ").append(i).append(")");
        }
        exec("INSERT INTO t VALUES " + values);
    }

    LoadSpec spec(int clients, double rate, QueryMix mix) {
        return new LoadSpec(new ConnectionSettings(db.url(), db.user(), db.password()), schema(), java.util.List.of("t"),
                clients, rate, mix, 7);
    }

    LoadRecording runUntil(LoadSpec spec, long queries) {
        try (LoadGenerator load = LoadGenerator.start(spec)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.queries() >= queries);
            return load.stop();
        }
    }

    @Test
    void everyRecordedInsertAndUpdateHappenedInTheDatabase() throws SQLException {
        countUpdates();
        LoadRecording r = runUntil(spec(3, 0, new QueryMix(50, 25, 25)), 3000);

        LatencyStats reads = r.of(QueryKind.READ);
        LatencyStats inserts = r.of(QueryKind.INSERT);
        LatencyStats updates = r.of(QueryKind.UPDATE);
        assertThat(r.overall().errors()).isZero();
        assertThat(reads.queries() + inserts.queries() + updates.queries()).isEqualTo(r.queries()).isGreaterThanOrEqualTo(3000);
        assertThat(count("SELECT count(*) FROM t") - ROWS).isEqualTo(inserts.queries());
        assertThat(count("SELECT n FROM updates")).isEqualTo(updates.queries());
        // Ordinary columns are written with values of the rows that were there (b was 1..1000, a 'row i').
        assertThat(count("SELECT count(*) FROM t WHERE b > " + ROWS + " OR a NOT LIKE 'row %'")).isZero();
        // Weights 50/25/25 over thousands of queries.
        assertThat((double) reads.queries() / r.queries()).isBetween(0.4, 0.6);
    }

    @Test
    void failingQueriesAreCountedBySqlState() throws SQLException {
        failUpdates();
        LoadRecording r = runUntil(spec(2, 0, new QueryMix(40, 20, 40)), 1000);

        LatencyStats updates = r.of(QueryKind.UPDATE);
        assertThat(updates.queries()).isPositive();
        assertThat(updates.errors()).isEqualTo(updates.queries());
        assertThat(r.overall().errorsByState()).containsOnlyKeys("22012");
        assertThat(r.overall().errorsByState().get("22012").count()).isEqualTo(updates.queries());
        assertThat(r.of(QueryKind.READ).errors()).isZero();
        assertThat(r.of(QueryKind.INSERT).errors()).isZero();
        assertThat(count("SELECT count(*) FROM t") - ROWS).isEqualTo(r.of(QueryKind.INSERT).queries());
    }

    @Test
    void aLockedTableIsAStallAtLeastAsLongAsEveryClientWaited() throws Exception {
        LoadRecording r;
        long heldAfterAllWaitedMs;
        try (LoadGenerator load = LoadGenerator.start(spec(3, 300, QueryMix.DEFAULT))) {
            await().until(() -> load.queries() >= 100);
            Connection locker = lockTable();
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForLock() >= 3);
            long allWaiting = System.nanoTime();
            long before = load.queries();
            await().pollDelay(Duration.ofMillis(700)).until(() -> true);
            // Nothing ended while every client waited.
            assertThat(load.queries()).isEqualTo(before);
            heldAfterAllWaitedMs = (System.nanoTime() - allWaiting) / 1_000_000;
            locker.commit();
            locker.close();
            long after = load.queries();
            await().until(() -> load.queries() >= after + 100);
            r = load.stop();
        }
        assertThat(heldAfterAllWaitedMs).isGreaterThanOrEqualTo(700);
        assertThat(r.longestStall().durationMs()).isGreaterThanOrEqualTo(heldAfterAllWaitedMs);
        assertThat(r.overall().maxMs()).isGreaterThanOrEqualTo(heldAfterAllWaitedMs);
        assertThat(r.overall().errors()).isZero();
    }

    @Test
    void theRateIsAnUpperBoundOfQueriesPerSecond() {
        LoadRecording r;
        try (LoadGenerator load = LoadGenerator.start(spec(2, 100, QueryMix.DEFAULT))) {
            await().until(() -> load.queries() >= 150);
            r = load.stop();
        }
        // Paced to 100 queries/s: at most one query per slot, plus the slot each client starts with.
        assertThat((long) r.queries()).isLessThanOrEqualTo(r.durationMillis() / 10 + 2);
    }

    long count(String sql) throws SQLException {
        return db.count(sql);
    }

    void exec(String... sql) throws SQLException {
        db.exec(sql);
    }
}
