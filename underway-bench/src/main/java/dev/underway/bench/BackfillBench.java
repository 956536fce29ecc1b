package dev.underway.bench;

import dev.underway.Underway;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.observe.BackfillListener;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One unbatched {@code UPDATE t SET c = upper(a)} against {@code underway backfill} doing the
 * same change, on identical fresh tables (id bigint primary key, two text columns, a
 * timestamp) on the embedded PostgreSQL, at 1M rows and at the requested size (default 10M).
 */
public final class BackfillBench {
    private static final String CHANGE = "c = upper(a)";

    private BackfillBench() {
    }

    record Figures(long rows, double updateRowsPerSecond, double backfillRowsPerSecond, double sweepRowsPerSecond,
                   long longestBatchMs, long longestLockMs, long batches, int catchUpPasses) {
    }

    public static void main(String[] args) throws Exception {
        int rows = MigrationsBench.intArg(args, "--rows", 10_000_000);
        int target = MigrationsBench.intArg(args, "--target-batch-ms", 200);
        System.out.printf("Backfill benchmark on the embedded PostgreSQL %s: SET %s, target batch time %d ms, %d cores,"
                + " load average at start %.2f%n%n", serverVersion(), CHANGE, target,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        List<Figures> all = new ArrayList<>();
        for (long n : rows > 1_000_000 ? List.of(1_000_000L, (long) rows) : List.of((long) rows)) {
            all.add(measure(n, target));
        }
        System.out.printf("%n%12s %14s %14s %14s %8s %14s %14s%n", "rows", "UPDATE rows/s", "backfill rows/s",
                "sweep rows/s", "ratio", "longest batch", "longest locks");
        for (Figures f : all) {
            System.out.printf("%,12d %,14.0f %,14.0f %,14.0f %8.2f %11d ms %11d ms%n", f.rows(), f.updateRowsPerSecond(),
                    f.backfillRowsPerSecond(), f.sweepRowsPerSecond(), f.backfillRowsPerSecond() / f.updateRowsPerSecond(),
                    f.longestBatchMs(), f.longestLockMs());
        }
        Figures last = all.get(all.size() - 1);
        System.out.printf("%nbackfill / single UPDATE at %,d rows: %.2f (target: at least 0.80)%n", last.rows(),
                last.backfillRowsPerSecond() / last.updateRowsPerSecond());
        if (all.size() > 1) {
            System.out.printf("backfill throughput at %,d rows vs 1,000,000 rows: %.2f (target: within 0.80..1.20)%n",
                    last.rows(), last.backfillRowsPerSecond() / all.get(0).backfillRowsPerSecond());
        }
        if (java.util.Arrays.asList(args).contains("--load")) {
            underLoad(target);
        }
        // The target bounds how long a batch holds row locks; the transaction also reads lock-free (the
        // keyset query for the batch's upper key, a catch-up batch's pages), which is printed beside it.
        long longestLock = all.stream().mapToLong(Figures::longestLockMs).max().orElse(0);
        long longest = all.stream().mapToLong(Figures::longestBatchMs).max().orElse(0);
        System.out.printf("longest row-lock hold of a batch: %d ms (target: at most %d ms = 2x the target batch time);"
                + " longest batch transaction, lock-free reading included: %d ms%n", longestLock, 2 * target, longest);
        System.out.printf("load average at the end: %.2f%n", loadAverage());
    }

    private static Figures measure(long rows, int target) throws Exception {
        TestDatabase db = TestDatabases.postgres();
        System.out.printf("%,d rows: filling two identical tables...%n", rows);
        fill(db, "bench_update", rows);
        fill(db, "bench_backfill", rows);

        exec(db, "CHECKPOINT");
        long t = System.nanoTime();
        exec(db, "UPDATE bench_update SET " + CHANGE);
        double updateSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("  single UPDATE:  %6.1f s%n", updateSeconds);

        exec(db, "CHECKPOINT");
        SweepTimer sweep = new SweepTimer();
        BackfillResult r = Underway.builder().url(db.url()).user(db.user()).build().backfill(
                BackfillRequest.builder("bench_backfill").set(CHANGE).targetBatchTime(Duration.ofMillis(target)).build(),
                sweep);
        double backfillSeconds = r.took().toNanos() / 1e9;
        System.out.printf("  backfill:       %6.1f s (sweep %.1f s, %d batches, %d catch-up pass(es), longest batch %d ms,"
                        + " row locks held at most %d ms, %d retries)%n", backfillSeconds, sweep.seconds(), r.batches(),
                r.catchUpPasses(), r.longestBatchMillis(), r.longestLockMillis(), r.retries());
        if (count(db, "SELECT count(*) FROM bench_backfill WHERE c IS DISTINCT FROM upper(a)") != 0) {
            throw new IllegalStateException("the backfill left rows unchanged");
        }
        exec(db, "DROP TABLE bench_update");
        exec(db, "DROP TABLE bench_backfill");
        return new Figures(rows, rows / updateSeconds, rows / backfillSeconds, rows / sweep.seconds(),
                r.longestBatchMillis(), r.longestLockMillis(), r.batches(), r.catchUpPasses());
    }

    /**
     * The same change at 1M rows while an application (4 clients, 400 queries/s, reads 80%, inserts and updates 10%
     * each) works on the table: rows/s of both, and what the application saw during each.
     */
    private static void underLoad(int target) throws Exception {
        long rows = 1_000_000;
        TestDatabase db = TestDatabases.postgres();
        System.out.printf("%nUnder an application load (4 clients, 400 queries/s on the table), %,d rows:%n", rows);
        fill(db, "bench_update", rows);
        fill(db, "bench_backfill", rows);
        Underway uw = Underway.builder().url(db.url()).user(db.user()).build();
        LoadedRun update = loaded(db, "bench_update", () -> exec(db, "UPDATE bench_update SET " + CHANGE));
        LoadedRun backfill = loaded(db, "bench_backfill", () -> uw.backfill(BackfillRequest.builder("bench_backfill")
                .set(CHANGE).targetBatchTime(Duration.ofMillis(target)).build(), null));
        System.out.printf("%n%-16s %14s %12s %12s %14s %10s%n", "", "rows/s", "app p99", "app max", "longest stall",
                "app errors");
        for (LoadedRun r : List.of(update, backfill)) {
            System.out.printf("%-16s %,14.0f %9.1f ms %9.1f ms %11d ms %10d%n", r == update ? "single UPDATE" : "backfill",
                    rows / r.seconds(), r.during().p99Ms(), r.during().maxMs(), r.stallMs(), r.during().errors());
        }
        System.out.printf("backfill / single UPDATE under load: %.2f%n", update.seconds() / backfill.seconds());
    }

    /** What a change did and what the application saw while it ran. */
    record LoadedRun(double seconds, dev.underway.report.LatencyStats during, long stallMs) {
    }

    interface Change {
        void run() throws Exception;
    }

    private static LoadedRun loaded(TestDatabase db, String table, Change change) throws Exception {
        exec(db, "CHECKPOINT");
        dev.underway.load.LoadRecording r;
        long from;
        long to;
        try (dev.underway.load.LoadGenerator load = dev.underway.load.LoadGenerator.start(new dev.underway.load.LoadSpec(
                new dev.underway.config.ConnectionSettings(db.url(), db.user(), db.password()), "public", List.of(table), 4,
                400, dev.underway.report.QueryMix.DEFAULT, 1))) {
            Thread.sleep(2000);
            from = load.elapsedNanos();
            change.run();
            to = load.elapsedNanos();
            Thread.sleep(1000);
            r = load.stop();
        }
        return new LoadedRun((to - from) / 1e9, r.overlapping(from, to), r.longestStallOverlapping(from, to).durationMs());
    }

    /** Measures the sweep alone: from the start until the first catch-up pass begins. */
    private static final class SweepTimer implements BackfillListener {
        private final long start = System.nanoTime();
        private long end;

        @Override
        public void passStarted(String name, int pass) {
            if (pass == 1) {
                end = System.nanoTime();
            }
        }

        double seconds() {
            return ((end == 0 ? System.nanoTime() : end) - start) / 1e9;
        }
    }

    private static void fill(TestDatabase db, String table, long rows) throws SQLException {
        exec(db, "CREATE TABLE " + table + " (id bigint PRIMARY KEY, a text NOT NULL, b text NOT NULL,"
                + " ts timestamptz NOT NULL, c text)");
        exec(db, "INSERT INTO " + table + " (id, a, b, ts) SELECT i, md5(i::text), 'row ' || i,"
                + " timestamptz '2024-01-01' + i * interval '1 second' FROM generate_series(1, " + rows + ") i");
        exec(db, "VACUUM ANALYZE " + table);
    }

    static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String serverVersion() throws SQLException {
        try (Connection c = TestDatabases.postgres().connect()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
