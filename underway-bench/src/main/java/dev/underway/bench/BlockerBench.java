package dev.underway.bench;

import dev.underway.Durations;
import dev.underway.Underway;
import dev.underway.config.ConnectionSettings;
import dev.underway.load.LoadGenerator;
import dev.underway.load.LoadRecording;
import dev.underway.load.LoadSpec;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.OnlineExecution;
import dev.underway.report.LatencyStats;
import dev.underway.report.QueryMix;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * An application load on a table while a session sits idle in a transaction that has read it, and
 * a migration that needs ACCESS EXCLUSIVE on the table retries behind it: what the application's
 * throughput is while the blocker holds, against its throughput in the same run with the same
 * blocker and no DDL waiting (half the blocked time before, half after). With {@code --naive},
 * a plain ALTER then waits behind the same blocker as psql or Flyway would run it (no lock timeout).
 */
public final class BlockerBench {
    private static final String SETUP = """
            CREATE TABLE items (id bigint PRIMARY KEY, v int NOT NULL, note text);
            INSERT INTO items SELECT g, g % 1000, 'item ' || g FROM generate_series(1, 100000) g;
            ANALYZE items;
            """;

    /** The application's figures over one period of the run. */
    record Period(String name, double seconds, LatencyStats stats) {
        double perSecond() {
            return stats.queries() / seconds;
        }
    }

    /** What one blocked period did: the application's figures and the migration's attempts. */
    record Blocked(Period period, long longestStallMs, int retries, long lockWaitMs) {
    }

    private BlockerBench() {
    }

    public static void main(String[] args) throws Exception {
        Duration blocked = Durations.parse(MigrationsBench.stringArg(args, "--duration", "60s"));
        Duration lockTimeout = Durations.parse(MigrationsBench.stringArg(args, "--lock-timeout",
                Durations.format(OnlineExecution.DEFAULT_LOCK_TIMEOUT)));
        int clients = MigrationsBench.intArg(args, "--clients", 4);
        int rate = MigrationsBench.intArg(args, "--rate", 200);
        boolean naive = java.util.Arrays.asList(args).contains("--naive");
        TestDatabase db = TestDatabases.postgres();
        exec(db, SETUP);
        System.out.printf("Blocker benchmark on the embedded PostgreSQL: items with 100,000 rows, %d clients at %d"
                        + " queries/s (read=80,insert=10,update=10); a session idle in a transaction that read items for"
                        + " %s while ALTER TABLE items ADD COLUMN retries (lock timeout %s); %d cores, load average %.2f%n%n",
                clients, rate, Durations.format(blocked), Durations.format(lockTimeout),
                Runtime.getRuntime().availableProcessors(), BackfillBench.loadAverage());
        LoadGenerator load = LoadGenerator.start(new LoadSpec(new ConnectionSettings(db.url(), db.user(), db.password()),
                "public", List.of("items"), clients, rate, QueryMix.DEFAULT, 1));
        ExecutorService background = Executors.newSingleThreadExecutor();
        Path dir = Files.createTempDirectory("underway-blocker");
        List<long[]> marks = new ArrayList<>();
        List<Blocked> results = new ArrayList<>();
        try {
            sleep(Duration.ofSeconds(3));
            Duration half = blocked.dividedBy(2);
            long[] before = measureWithoutDdl(db, load, half);
            Blocked underway = blockedPeriod(db, load, background, dir, blocked, "Underway", "V2__c.sql",
                    "ALTER TABLE items ADD COLUMN c int;", lockTimeout, marks);
            long[] after = measureWithoutDdl(db, load, half);
            Blocked plain = naive ? naivePeriod(db, load, background, blocked, marks) : null;
            LoadRecording r = load.stop();
            System.out.println();
            printTens("before", r, before);
            Period normal = new Period("no DDL waiting", (before[1] - before[0] + after[1] - after[0]) / 1e9,
                    merged(r, before, after));
            results.add(new Blocked(normal, Math.max(r.longestStallOverlapping(before[0], before[1]).durationMs(),
                    r.longestStallOverlapping(after[0], after[1]).durationMs()), 0, 0));
            results.add(withRecording(underway, r, marks.get(0)));
            printTens("after", r, after);
            if (plain != null) {
                results.add(withRecording(plain, r, marks.get(1)));
            }
        } finally {
            background.shutdownNow();
            load.close();
        }
        print(results, blocked);
    }

    /** The blocker alone (it holds ACCESS SHARE, which the application's queries do not mind) for {@code d}. */
    private static long[] measureWithoutDdl(TestDatabase db, LoadGenerator load, Duration d) throws Exception {
        try (Connection blocker = holdBlocker(db)) {
            long from = load.elapsedNanos();
            sleep(d);
            long to = load.elapsedNanos();
            blocker.rollback();
            return new long[] {from, to};
        }
    }

    /** Adds {@code file} to {@code dir} and migrates while a blocker holds for {@code d}; then lets it go. */
    private static Blocked blockedPeriod(TestDatabase db, LoadGenerator load, ExecutorService background, Path dir,
                                         Duration d, String name, String file, String sql, Duration lockTimeout,
                                         List<long[]> marks) throws Exception {
        Files.writeString(dir.resolve(file), sql);
        Underway uw = Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir)
                .lockTimeout(lockTimeout).lockRetryFor(Duration.ofHours(1)).statementTimeout(Duration.ZERO).build();
        System.out.printf("%s: %s behind the blocker for %s ...%n", name, sql, Durations.format(d));
        MigrateResult result;
        long from;
        long to;
        try (Connection blocker = holdBlocker(db)) {
            from = load.elapsedNanos();
            Future<MigrateResult> run = background.submit(() -> uw.migrate());
            sleep(d);
            to = load.elapsedNanos();
            blocker.rollback();
            result = run.get(5, TimeUnit.MINUTES);
        }
        marks.add(new long[] {from, to});
        var applied = result.applied().get(0);
        System.out.printf("  applied after %d retries, %d ms waiting for the lock%n", applied.retries(),
                applied.lockWaitMs());
        return new Blocked(new Period(name, (to - from) / 1e9, LatencyStats.EMPTY), 0, applied.retries(),
                applied.lockWaitMs());
    }

    /** The same kind of ALTER as psql or Flyway run it: it waits for its lock as long as it takes. */
    private static Blocked naivePeriod(TestDatabase db, LoadGenerator load, ExecutorService background, Duration d,
                                       List<long[]> marks) throws Exception {
        String sql = "ALTER TABLE items ADD COLUMN d int";
        System.out.printf("naive: %s (no lock timeout) behind the blocker for %s ...%n", sql, Durations.format(d));
        long from;
        long to;
        try (Connection blocker = holdBlocker(db)) {
            from = load.elapsedNanos();
            Future<?> run = background.submit(() -> {
                exec(db, "SET lock_timeout = 0; " + sql);
                return null;
            });
            sleep(d);
            to = load.elapsedNanos();
            blocker.rollback();
            run.get(5, TimeUnit.MINUTES);
        }
        marks.add(new long[] {from, to});
        return new Blocked(new Period("naive", (to - from) / 1e9, LatencyStats.EMPTY), 0, 0, (to - from) / 1_000_000);
    }

    private static Blocked withRecording(Blocked b, LoadRecording r, long[] mark) {
        printTens(b.period().name(), r, mark);
        return new Blocked(new Period(b.period().name(), b.period().seconds(), r.endedBetween(mark[0], mark[1])),
                r.longestStallOverlapping(mark[0], mark[1]).durationMs(), b.retries(), b.lockWaitMs());
    }

    /** Queries per second in each 10 s of a period, to see the noise of a shared machine. */
    private static void printTens(String name, LoadRecording r, long[] mark) {
        StringBuilder tens = new StringBuilder();
        for (long t = mark[0]; t + 10_000_000_000L <= mark[1]; t += 10_000_000_000L) {
            tens.append(' ').append(r.endedBetween(t, t + 10_000_000_000L).queries() / 10);
        }
        System.out.printf("  %s: queries/s in each 10 s:%s%n", name, tens);
    }

    private static LatencyStats merged(LoadRecording r, long[] a, long[] b) {
        LatencyStats x = r.endedBetween(a[0], a[1]);
        LatencyStats y = r.endedBetween(b[0], b[1]);
        return new LatencyStats(x.queries() + y.queries(), x.errors() + y.errors(), java.util.Map.of(),
                Math.max(x.p50Ms(), y.p50Ms()), Math.max(x.p99Ms(), y.p99Ms()), Math.max(x.maxMs(), y.maxMs()));
    }

    private static void print(List<Blocked> results, Duration blocked) {
        Blocked normal = results.get(0);
        System.out.printf("%n%-16s %10s %12s %10s %10s %14s %8s %12s%n", "period", "seconds", "queries/s", "of normal",
                "app max", "longest stall", "retries", "lock wait");
        for (Blocked b : results) {
            Period p = b.period();
            // Max latency of the queries that ended in the period; none ended in it when everything waited.
            String max = p.stats().queries() == 0 ? "-" : String.format("%.0f ms", p.stats().maxMs());
            System.out.printf("%-16s %10.1f %,12.1f %9.0f%% %10s %11d ms %8d %9d ms%n", p.name(), p.seconds(),
                    p.perSecond(), 100 * p.perSecond() / normal.period().perSecond(), max,
                    b.longestStallMs(), b.retries(), b.lockWaitMs());
        }
        double share = results.get(1).period().perSecond() / normal.period().perSecond();
        System.out.printf("%napplication throughput during the %s blocker under Underway: %.0f%% of normal (target: at"
                + " least 85%%): %s%n", Durations.format(blocked), 100 * share, share >= 0.85 ? "met" : "NOT met");
        System.out.printf("load average at the end: %.2f%n", BackfillBench.loadAverage());
    }

    /** A session in an open transaction that has read items: ACCESS SHARE, held until it ends. */
    private static Connection holdBlocker(TestDatabase db) throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM items").close();
        }
        return c;
    }

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
