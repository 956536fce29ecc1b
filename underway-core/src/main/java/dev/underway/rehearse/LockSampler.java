package dev.underway.rehearse;

import dev.underway.dialect.SessionProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Looks at a running statement's session from a second session every few milliseconds: adds up the
 * time it was waiting for a lock and what for, and collects the locks it held meanwhile (a statement
 * outside a transaction has released them by the time it returns).
 */
final class LockSampler implements AutoCloseable {
    private static final long PERIOD_NANOS = 5_000_000;

    private final SessionProbe probe;
    private final Connection observer;
    private final Object seen = new Object();
    private long waited;
    private final Set<String> what = new LinkedHashSet<>();
    private final List<SessionProbe.Lock> held = new ArrayList<>();
    private Thread thread;
    private AtomicBoolean running;

    LockSampler(SessionProbe probe, Connection observer) {
        this.probe = probe;
        this.observer = observer;
    }

    /** Starts sampling session {@code sessionId}, forgetting what an earlier run saw. */
    void start(long sessionId) {
        stop();
        synchronized (seen) {
            waited = 0;
            what.clear();
            held.clear();
        }
        AtomicBoolean flag = new AtomicBoolean(true);
        running = flag;
        thread = new Thread(() -> sample(sessionId, flag), "underway-rehearse-locks");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample(long sessionId, AtomicBoolean flag) {
        long last = System.nanoTime();
        while (flag.get()) {
            LockSupport.parkNanos(PERIOD_NANOS);
            long now = System.nanoTime();
            try {
                List<SessionProbe.Lock> locks = probe.locksOf(observer, sessionId);
                synchronized (seen) {
                    boolean waiting = false;
                    for (SessionProbe.Lock l : locks) {
                        if (l.granted()) {
                            held.add(l);
                        } else {
                            waiting = true;
                            what.add(l.relation() == null ? l.mode() : l.relation() + ": " + l.mode());
                        }
                    }
                    if (waiting) {
                        waited += now - last;
                    }
                }
            } catch (SQLException e) {
                return;
            }
            last = now;
        }
    }

    /** Stops sampling and waits for the sampler's query in flight. */
    void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        running.set(false);
        thread = null;
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long waitedNanos() {
        synchronized (seen) {
            return waited;
        }
    }

    List<SessionProbe.Lock> held() {
        synchronized (seen) {
            return List.copyOf(held);
        }
    }

    List<String> waitedFor() {
        synchronized (seen) {
            return List.copyOf(what);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            observer.close();
        } catch (SQLException ignored) {
            // the rehearsal is over
        }
    }
}
