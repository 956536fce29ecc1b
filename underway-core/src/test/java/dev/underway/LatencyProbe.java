package dev.underway;

import dev.underway.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application: plain SELECTs and INSERTs on one table in a loop on a connection of its
 * own, recording how long each one took.
 */
final class LatencyProbe implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong maxMillis = new AtomicLong();
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    /** {@code table} must have columns {@code (id int primary key, v int)}; rows get ids from 1,000,000 on. */
    LatencyProbe(TestDatabase db, String table) {
        thread = new Thread(() -> {
            try (Connection c = db.connect();
                 PreparedStatement select = c.prepareStatement("SELECT count(*) FROM " + table);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, v) VALUES (?, 0)")) {
                for (int id = 1_000_000; running.get(); id++) {
                    long t = System.nanoTime();
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                    }
                    record(t);
                    t = System.nanoTime();
                    insert.setInt(1, id);
                    insert.executeUpdate();
                    record(t);
                }
            } catch (SQLException | RuntimeException e) {
                failure.set(e);
            }
        }, "latency-probe");
        thread.start();
    }

    private void record(long startNanos) {
        maxMillis.accumulateAndGet((System.nanoTime() - startNanos) / 1_000_000, Math::max);
        queries.incrementAndGet();
    }

    long maxMillis() {
        return maxMillis.get();
    }

    int queries() {
        return queries.get();
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        thread.join(60_000);
        if (failure.get() != null) {
            throw new AssertionError("the application's queries failed", failure.get());
        }
    }
}
