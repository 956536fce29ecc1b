package dev.underway.load;

import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.observe.LoadListener;
import dev.underway.report.LatencyStats;
import dev.underway.report.LoadSummary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a simulated application load (see {@link LoadSpec}) until stopped, and records every
 * query. Connections are opened and the tables read before the clock starts, so setup does not
 * count as application time.
 *
 * <pre>{@code
 * try (LoadGenerator load = LoadGenerator.start(spec)) {
 *     ... change the database ...
 *     LoadRecording r = load.stop();
 * }
 * }</pre>
 */
public final class LoadGenerator implements AutoCloseable {
    /** How long stop waits for queries still running before it cancels them. */
    private static final long STOP_GRACE_MILLIS = 30_000;

    private final Shared shared;
    private final List<LoadClient> clients;
    private final List<Thread> threads;
    private final List<QueryLog> logs;
    private final QueryLog.Entries lastInterval = new QueryLog.Entries();
    private final int[] intervalCursor;
    private LoadRecording recording;

    private LoadGenerator(Shared shared, List<LoadClient> clients, List<Thread> threads, List<QueryLog> logs) {
        this.shared = shared;
        this.clients = clients;
        this.threads = threads;
        this.logs = logs;
        this.intervalCursor = new int[logs.size()];
    }

    public static LoadGenerator start(LoadSpec spec) {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection setup = spec.connection().open();
            opened.add(setup);
            Dialect dialect = spec.connection().dialect(setup);
            List<TableWorkload> tables = new ArrayList<>();
            for (String t : spec.tables()) {
                tables.add(TableWorkload.build(setup, dialect, spec.schema(), t));
            }
            Shared shared = new Shared(spec, dialect, tables);
            List<LoadClient> clients = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<QueryLog> logs = new ArrayList<>();
            for (int i = 0; i < spec.clients(); i++) {
                Connection c = i == 0 ? setup : spec.connection().open();
                if (i > 0) {
                    opened.add(c);
                }
                dialect.schemas().use(c, spec.schema());
                QueryLog log = new QueryLog();
                LoadClient client = new LoadClient(shared, c, log, spec.seed() * 1_000_003L + i);
                Thread thread = new Thread(client, "underway-load-" + (i + 1));
                thread.setDaemon(true);
                clients.add(client);
                threads.add(thread);
                logs.add(log);
            }
            threads.forEach(Thread::start);
            shared.begin();
            return new LoadGenerator(shared, clients, threads, logs);
        } catch (SQLException e) {
            opened.forEach(LoadGenerator::closeQuietly);
            throw UnderwayException.of(Reason.CONNECTION_FAILED, "cannot start the load on " + spec.connection().redactedUrl() + ": "
                    + spec.connection().describe(e));
        } catch (RuntimeException e) {
            opened.forEach(LoadGenerator::closeQuietly);
            throw e;
        }
    }

    /**
     * Runs a load for {@code length}, telling {@code listener} what ended in each second. A stop request
     * ({@link Interruption#process()}) ends it early: the summary covers what ran.
     */
    public static LoadSummary run(LoadSpec spec, Duration length, LoadListener listener) {
        try (LoadGenerator load = start(spec)) {
            long end = System.nanoTime() + length.toNanos();
            for (int second = 1; System.nanoTime() < end && !Interruption.process().requested(); second++) {
                sleepUntil(Math.min(end, System.nanoTime() + 1_000_000_000L));
                listener.second(second, load.sinceLastCall());
            }
            return load.stop().summary();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0 && !Interruption.process().requested()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    /** Nanoseconds since the load's clock started: the time base of its recording. */
    public long elapsedNanos() {
        return shared.elapsedNanos();
    }

    /**
     * Moves the application to another schema (PostgreSQL: a version schema of an expand/contract
     * migration), as a deploy of the new version would: each client switches before its next query.
     * Returns once every client has switched (or after {@code within}); false when some had not.
     */
    public boolean useSchema(String schema, Duration within) {
        int generation = shared.useSchema(schema);
        long deadline = System.nanoTime() + within.toNanos();
        while (clients.stream().anyMatch(c -> c.appliedGeneration() < generation)) {
            if (System.nanoTime() > deadline || !shared.running()) {
                return false;
            }
            threads.forEach(java.util.concurrent.locks.LockSupport::unpark);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** How many queries have ended so far. */
    public long queries() {
        return logs.stream().mapToLong(QueryLog::size).sum();
    }

    /** The queries that ended since the previous call (or the start), for live progress. */
    public synchronized LatencyStats sinceLastCall() {
        lastInterval.size = 0;
        for (int i = 0; i < logs.size(); i++) {
            intervalCursor[i] += logs.get(i).copyFrom(intervalCursor[i], lastInterval);
        }
        // Order does not matter for the whole-range statistics asked here.
        return new LoadRecording(lastInterval, shared.errors, List.of(), 0).overall();
    }

    /** Stops every client (waiting for running queries, cancelling them after a grace period) and returns the recording. */
    public synchronized LoadRecording stop() {
        if (recording != null) {
            return recording;
        }
        shared.stop();
        joinAll(STOP_GRACE_MILLIS);
        shared.markStopping();
        clients.forEach(LoadClient::cancel);
        joinAll(10_000);
        // Queries that were running at the stop end after it: the recording lasts until the last one ended.
        recording = LoadRecording.merge(logs, shared.errors, shared.spec.tables(), shared.elapsedNanos());
        return recording;
    }

    private void joinAll(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                try {
                    t.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // setup failed; the connection does not matter any more
        }
    }

    /** What the clients share: the clock, the stop flag, the schema to use and the error catalog. */
    static final class Shared {
        final LoadSpec spec;
        final Dialect dialect;
        final List<TableWorkload> tables;
        final ErrorCatalog errors = new ErrorCatalog();
        private final CountDownLatch started = new CountDownLatch(1);
        private final AtomicInteger schemaGeneration = new AtomicInteger();
        private volatile String schema;
        private volatile long t0;
        private volatile boolean running = true;
        private volatile boolean stopping;

        Shared(LoadSpec spec, Dialect dialect, List<TableWorkload> tables) {
            this.spec = spec;
            this.dialect = dialect;
            this.tables = tables;
            this.schema = spec.schema();
        }

        void begin() {
            t0 = System.nanoTime();
            started.countDown();
        }

        void awaitStart() {
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        long elapsedNanos() {
            return System.nanoTime() - t0;
        }

        boolean running() {
            return running;
        }

        void stop() {
            running = false;
        }

        boolean stopping() {
            return stopping;
        }

        void markStopping() {
            stopping = true;
        }

        int useSchema(String s) {
            schema = s;
            return schemaGeneration.incrementAndGet();
        }

        String schema() {
            return schema;
        }

        int schemaGeneration() {
            return schemaGeneration.get();
        }

        Connection open() throws SQLException {
            return spec.connection().open();
        }
    }
}
