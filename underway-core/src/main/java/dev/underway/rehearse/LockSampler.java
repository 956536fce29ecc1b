package dev.underway.rehearse;

import dev.underway.dialect.SessionProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    private Thread thread;
    private volatile boolean running;
    private long waited;
    private final Set<String> what = new LinkedHashSet<>();
    private final List<SessionProbe.Lock> held = new java.util.ArrayList<>();

    LockSampler(SessionProbe probe, Connection observer) {
        this.probe = probe;
        this.observer = observer;
    }

    synchronized void start(StepRecorder.Step step, long sessionId) {
        stop();
        waited = 0;
        what.clear();
        held.clear();
        running = true;
        thread = new Thread(() -> sample(sessionId), "underway-rehearse-locks");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample(long sessionId) {
        long last = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(PERIOD_NANOS);
            long now = System.nanoTime();
            try {
                List<SessionProbe.Lock> locks = probe.locksOf(observer, sessionId);
                synchronized (this) {
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

    /** Stops sampling (waiting for the sampler's query in flight). */
    synchronized void stop() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized long waitedNanos() {
        return waited;
    }

    synchronized List<SessionProbe.Lock> held() {
        return List.copyOf(held);
    }

    synchronized List<String> waitedFor() {
        return List.copyOf(what);
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
