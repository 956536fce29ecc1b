package dev.underway.rehearse;

import dev.underway.dialect.SessionProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Looks at a running statement's session from a second session every few milliseconds and adds up
 * the time it was waiting for a lock, and what for.
 */
final class WaitSampler implements AutoCloseable {
    private static final long PERIOD_NANOS = 5_000_000;

    private final SessionProbe probe;
    private final Connection observer;
    private Thread thread;
    private volatile boolean running;
    private long waited;
    private final Set<String> what = new LinkedHashSet<>();

    WaitSampler(SessionProbe probe, Connection observer) {
        this.probe = probe;
        this.observer = observer;
    }

    synchronized void start(StepRecorder.Step step, long sessionId) {
        stop();
        waited = 0;
        what.clear();
        running = true;
        thread = new Thread(() -> sample(sessionId), "underway-rehearse-waits");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample(long sessionId) {
        long last = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(PERIOD_NANOS);
            long now = System.nanoTime();
            try {
                List<SessionProbe.Lock> waits = probe.waitingFor(observer, sessionId);
                if (!waits.isEmpty()) {
                    synchronized (this) {
                        waited += now - last;
                        for (SessionProbe.Lock l : waits) {
                            what.add(l.relation() == null ? l.mode() : l.relation() + ": " + l.mode());
                        }
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
