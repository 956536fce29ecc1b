package dev.underway.backfill;

import dev.underway.Audience;
import dev.underway.Durations;
import dev.underway.Setting;
import dev.underway.dialect.ReplicaLag;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillStatus;
import dev.underway.observe.BackfillListener;
import dev.underway.state.BackfillStateTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the next batch may start: the pause flag, replica lag and a custom probe are
 * checked at most once per check interval on a session of their own (never inside a batch);
 * the rows-per-second cap paces batches. While a check says wait, the run sleeps and checks
 * again.
 */
final class Throttles {
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final BackfillRequest request;
    private final String name;
    private final Connection session;
    private final BackfillStateTable state;
    private final ReplicaLag replicaLag;
    private final List<Connection> lagSessions;
    private final ThrottleProbe probe;
    private final String pausedReason;
    private boolean checked;
    private long lastCheckNanos;
    private long nextBatchNanos;
    private boolean paced;

    /**
     * @param session     an autocommit session for probes and the pause flag
     * @param lagSessions the sessions that can see replica lag (the primary on PostgreSQL, each replica on MySQL)
     * @param audience    who reads the reasons a listener gets: how the pause's reason says to continue
     */
    Throttles(BackfillRequest request, String name, Connection session, BackfillStateTable state, ReplicaLag replicaLag,
              List<Connection> lagSessions, ThrottleProbe probe, Audience audience) {
        this.request = request;
        this.pausedReason = Setting.render("paused (" + Setting.either("run underway backfill --continue to resume",
                "continue it with pauseBackfill(BackfillRef.named(\"" + name + "\"), false)") + ")", audience);
        this.probe = probe;
        this.name = name;
        this.session = session;
        this.state = state;
        this.replicaLag = replicaLag;
        this.lagSessions = lagSessions;
    }

    /** Returns when the next batch may run: after any pause or throttle has cleared, paced to the rows/s cap. */
    void awaitClear(BackfillListener listener) throws SQLException, InterruptedException {
        long now = System.nanoTime();
        if (paced && nextBatchNanos - now > 0) {
            Thread.sleep((nextBatchNanos - now) / 1_000_000, (int) ((nextBatchNanos - now) % 1_000_000));
        }
        if (checked && System.nanoTime() - lastCheckNanos < request.throttleCheckInterval().toNanos()) {
            return;
        }
        long start = System.nanoTime();
        long nextReport = 0;
        boolean pausedSeen = false;
        for (Optional<String> reason = check(); reason.isPresent(); reason = check()) {
            boolean paused = reason.get().startsWith("paused");
            if (paused && !pausedSeen) {
                state.status(session, name, BackfillStatus.PAUSED, null);
                pausedSeen = true;
            }
            long waited = System.nanoTime() - start;
            if (waited >= nextReport) {
                listener.throttled(name, reason.get(), Duration.ofNanos(waited));
                nextReport = waited + REPORT_EVERY.toNanos();
            }
            Thread.sleep(request.throttleCheckInterval().toMillis());
        }
        if (pausedSeen) {
            state.status(session, name, BackfillStatus.RUNNING, null);
        }
    }

    /** Records a batch of {@code rows} that started at {@code startNanos}, for the rows-per-second cap. */
    void paced(int rows, long startNanos) {
        if (request.maxRowsPerSecond() > 0) {
            long earliest = paced && nextBatchNanos - startNanos > 0 ? nextBatchNanos : startNanos;
            paced = true;
            nextBatchNanos = earliest + (long) (rows * 1e9 / request.maxRowsPerSecond());
        }
    }

    private Optional<String> check() throws SQLException {
        checked = true;
        lastCheckNanos = System.nanoTime();
        if (state.paused(session, name)) {
            return Optional.of(pausedReason);
        }
        if (request.maxReplicaLag() != null) {
            for (Connection c : lagSessions) {
                Optional<Duration> lag = replicaLag.lag(c);
                if (lag.isPresent() && lag.get().compareTo(request.maxReplicaLag()) > 0) {
                    return Optional.of("replica lag " + (lag.get().equals(ReplicaLag.STOPPED) ? "unknown (replication stopped)"
                            : Durations.format(lag.get())) + " is above --max-replica-lag "
                            + Durations.format(request.maxReplicaLag()));
                }
            }
        }
        if (probe != null) {
            double value = probe.read(session);
            if (value > request.throttleAbove()) {
                return Optional.of("throttle query returned " + value + ", above " + request.throttleAbove());
            }
        }
        return Optional.empty();
    }
}
