package dev.underway.exec;

import dev.underway.dialect.Blockers;
import dev.underway.dialect.StatementProgress;
import dev.underway.migration.Blocker;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Looks, from a connection of its own, at a statement while it runs. Who blocks it while it
 * still waits (after the lock timeout hits, the waits-for relation is gone): sampling starts
 * halfway through the lock timeout and repeats until the statement ends; the last sample that
 * found blockers is the answer. And, once it has run for {@link #PROGRESS_AFTER}, what the server
 * reports about its progress, every {@link #PROGRESS_EVERY}. The connection and thread are
 * created on first need, so statements that neither wait nor run long cost nothing but
 * scheduled tasks.
 */
final class BlockerWatch implements AutoCloseable {
    static final Duration PROGRESS_AFTER = Duration.ofSeconds(3);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final long MIN_PERIOD_MS = 20;

    private final Database db;
    private final Blockers blockers;
    private final StatementProgress progress;
    private ScheduledExecutorService scheduler;
    private Connection connection;

    BlockerWatch(Database db) {
        this.db = db;
        this.blockers = db.dialect().blockers();
        this.progress = db.dialect().statementProgress();
    }

    /** One statement being watched. */
    final class Sampling {
        private final long session;
        private volatile List<Blocker> seen = List.of();
        private ScheduledFuture<?> future;

        private Sampling(long session) {
            this.session = session;
        }

        private void sample() {
            synchronized (BlockerWatch.this) {
                try {
                    List<Blocker> now = blockers.blocking(connection(), session);
                    if (!now.isEmpty()) {
                        seen = now;
                    }
                } catch (SQLException e) {
                    // Missing privileges leave the blockers unknown; a broken connection is replaced next time.
                    OnlineLog.LOG.debug("could not look up blockers: {}", e.getMessage());
                    dropConnectionIfBroken();
                }
            }
        }

        /** Stops sampling and returns the blockers seen last (empty when none were seen). */
        List<Blocker> stop() {
            future.cancel(false);
            synchronized (BlockerWatch.this) {
                return seen;
            }
        }
    }

    /** One long statement's progress reports. */
    static final class Progress {
        private volatile boolean stopped;
        private ScheduledFuture<?> future;

        void stop() {
            stopped = true;
            future.cancel(false);
        }
    }

    /** Reports what the server says about the statement {@code session} runs, while it runs long. */
    synchronized Progress progress(long session, long startNanos, BiConsumer<Duration, String> report) {
        Progress p = new Progress();
        p.future = scheduler().scheduleWithFixedDelay(() -> {
            String line;
            synchronized (this) {
                try {
                    line = progress.of(connection(), session).orElse(null);
                } catch (SQLException e) {
                    OnlineLog.LOG.debug("could not read the progress of a statement: {}", e.getMessage());
                    dropConnectionIfBroken();
                    return;
                }
            }
            if (line != null && !p.stopped) {
                report.accept(Duration.ofNanos(System.nanoTime() - startNanos), line);
            }
        }, PROGRESS_AFTER.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return p;
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "underway-blocker-watch");
                t.setDaemon(true);
                return t;
            });
        }
        return scheduler;
    }

    synchronized Sampling start(long session, Duration lockTimeout) {
        Sampling s = new Sampling(session);
        long timeout = lockTimeout.toMillis();
        s.future = scheduler().scheduleWithFixedDelay(s::sample, timeout / 2, Math.max(MIN_PERIOD_MS, timeout / 5),
                TimeUnit.MILLISECONDS);
        return s;
    }

    /** Cancels the blocker's query, if it is still idle in the same transaction. */
    synchronized boolean cancel(Blocker b) throws SQLException {
        return blockers.cancel(connection(), b);
    }

    /** Ends the blocker's session, if it is still idle in the same transaction. */
    synchronized boolean terminate(Blocker b) throws SQLException {
        return blockers.terminate(connection(), b);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = db.settings().open();
        }
        return connection;
    }

    private void dropConnectionIfBroken() {
        try {
            if (connection != null && connection.isValid(1)) {
                return;
            }
        } catch (SQLException ignored) {
            // treated as broken
        }
        dropConnection();
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // A broken watch connection is replaced on the next sample.
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        dropConnection();
    }
}
