package dev.underway;

import dev.underway.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application: plain SELECTs and INSERTs on one table in a loop on a connection of its
 * own, recording how long each one took, and when the slow ones (those that waited) ran.
 */
final class LatencyProbe implements AutoCloseable {
    /** A query at least this slow waited for something: a plain one takes a few ms, one on a busy machine up to ~100 ms. */
    static final long WAITED_MS = 150;

    private final List<long[]> waited = new ArrayList<>();
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
        long end = System.nanoTime();
        long ms = (end - startNanos) / 1_000_000;
        maxMillis.accumulateAndGet(ms, Math::max);
        queries.incrementAndGet();
        if (ms >= WAITED_MS) {
            synchronized (waited) {
                waited.add(new long[] {startNanos, end});
            }
        }
    }

    /** How long the application's queries spent waiting in {@code [from, to]} (System.nanoTime()), by their latencies. */
    long waitedMillis(long fromNanos, long toNanos) {
        long sum = 0;
        synchronized (waited) {
            for (long[] w : waited) {
                sum += Math.max(0, Math.min(w[1], toNanos) - Math.max(w[0], fromNanos));
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(sum);
    }

    /** The slow queries as {@code start+ms}, start in ms after {@code fromNanos}: what a failed assertion shows. */
    String waits(long fromNanos) {
        StringBuilder b = new StringBuilder();
        synchronized (waited) {
            for (long[] w : waited) {
                b.append(' ').append((w[0] - fromNanos) / 1_000_000).append('+').append((w[1] - w[0]) / 1_000_000);
            }
        }
        return b.toString().strip();
    }

    /** The most waiting in any window of {@code window} nanoseconds within {@code [from, to]}. */
    long worstWaitedMillis(long window, long fromNanos, long toNanos) {
        List<long[]> copy;
        synchronized (waited) {
            copy = List.copyOf(waited);
        }
        long worst = 0;
        for (long[] w : copy) {
            long end = Math.min(Math.max(w[1], fromNanos + window), toNanos);
            worst = Math.max(worst, waitedMillis(end - window, end));
        }
        return worst;
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
