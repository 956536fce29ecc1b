package dev.underway.exec;

import dev.underway.dialect.Blocker;
import dev.underway.dialect.Blockers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Looks, from a connection of its own, at who blocks a statement while the statement still
 * waits: after the lock timeout hits, the waits-for relation is gone. Sampling starts halfway
 * through the lock timeout and repeats until the statement ends; the last sample that found
 * blockers is the answer. The connection and thread are created on first need, so statements
 * that never wait cost nothing but a scheduled task.
 */
final class BlockerWatch implements AutoCloseable {
    private static final long MIN_PERIOD_MS = 20;

    private final Database db;
    private final Blockers blockers;
    private ScheduledExecutorService scheduler;
    private Connection connection;

    BlockerWatch(Database db) {
        this.db = db;
        this.blockers = db.dialect().blockers();
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

    synchronized Sampling start(long session, Duration lockTimeout) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "underway-blocker-watch");
                t.setDaemon(true);
                return t;
            });
        }
        Sampling s = new Sampling(session);
        long timeout = lockTimeout.toMillis();
        s.future = scheduler.scheduleWithFixedDelay(s::sample, timeout / 2, Math.max(MIN_PERIOD_MS, timeout / 5),
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
