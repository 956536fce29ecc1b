package dev.underway.exec;

import dev.underway.Audience;
import dev.underway.Durations;
import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.migration.Blocker;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.PendingMigration;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.RetryAttempt;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one unit of work (a migration's transaction, or one statement) and retries it where
 * that is safe: after a lock timeout (within the retry budget, on the {@link LockRetrySchedule}
 * that keeps the application's queries from queueing behind it for more than a tenth of the time,
 * ending idle-in-transaction blockers when asked to), after a deadlock or serialization failure,
 * and after a lost connection when nothing of the unit can have taken effect. Anything else fails
 * with a message saying what happened and what to do.
 */
final class LockTimeoutRetry {
    /** Deadlocks, serialization failures and lost connections are retried at most this often per unit. */
    static final int MAX_TRANSIENT_RETRIES = 5;

    /** What a failure inside the unit leaves behind. */
    enum Scope {
        /** A transaction: any failure before commit rolls everything back. */
        TRANSACTION,
        /** One statement outside a transaction: once sent, its effect is unknown if the connection breaks. */
        STATEMENT
    }

    interface Attempt {
        /** @param lockTimeout this attempt's lock timeout (the schedule's, at most the unit's); null: none */
        void run(Duration lockTimeout) throws StatementError;
    }

    /** Retries and lock waits of one migration, for its history row. */
    static final class Totals {
        int retries;
        long lockWaitMs;

        Totals(int retries, long lockWaitMs) {
            this.retries = retries;
            this.lockWaitMs = lockWaitMs;
        }
    }

    private final OnlineExecution online;
    private final ExecutionSession session;
    private final BlockerWatch watch;
    private final MigrationListener listener;

    LockTimeoutRetry(OnlineExecution online, ExecutionSession session, BlockerWatch watch, MigrationListener listener) {
        this.online = online;
        this.session = session;
        this.watch = watch;
        this.listener = listener;
    }

    /** @param lockTimeout the unit's lock timeout, the cap of every attempt's; null: none */
    void run(PendingMigration m, Scope scope, Totals totals, Duration lockTimeout, Attempt attempt) {
        LockRetrySchedule schedule = new LockRetrySchedule(lockTimeout, session::effectiveLockTimeout,
                online.lockRetryFor());
        Set<String> cancelled = new HashSet<>();
        int transientRetries = 0;
        for (int n = 1; ; n++) {
            try {
                attempt.run(schedule.startAttempt());
                return;
            } catch (StatementError e) {
                if (Interruption.process().requested()) {
                    throw interrupted(m, e, null);
                }
                boolean timedOut = e.kind() == ErrorKind.LOCK_TIMEOUT;
                if (!retryable(e, scope) || !timedOut && ++transientRetries > MAX_TRANSIENT_RETRIES) {
                    throw failed(m, e, n);
                }
                Duration wait = schedule.failed(timedOut, Duration.ofMillis(e.millis()));
                if (timedOut) {
                    totals.lockWaitMs += e.millis();
                    Duration killAfter = online.killBlockersAfter();
                    if (killAfter != null && schedule.elapsed().compareTo(killAfter) >= 0
                            && endIdleBlockers(m, e.blockers(), cancelled) && wait != null) {
                        // The blocker is gone, so the next attempt will most likely not queue at all.
                        wait = LockRetrySchedule.MIN_PAUSE;
                    }
                }
                RetryAttempt event = new RetryAttempt(m.script().script(), e.statement(), n, e.kind(),
                        Duration.ofMillis(e.millis()), e.blockers(), schedule.elapsed(), online.lockRetryFor(), wait,
                        wait == null ? null : schedule.attemptTimeout());
                listener.attemptFailed(m, event);
                OnlineLog.LOG.info(event.describe());
                if (wait == null) {
                    throw gaveUp(m, e, n, schedule, lockTimeout);
                }
                totals.retries++;
                pause(m, e, wait);
                if (e.kind() == ErrorKind.CONNECTION) {
                    session.reconnect("lost while running " + m.script().script() + ":" + e.statement().line());
                }
            }
        }
    }

    /** Lock timeouts, deadlocks and serialization failures undo the unit; a lost connection only sometimes. */
    private static boolean retryable(StatementError e, Scope scope) {
        return switch (e.kind()) {
            case LOCK_TIMEOUT, DEADLOCK, SERIALIZATION -> true;
            case CONNECTION -> e.phase() == StatementError.Phase.SETUP
                    || scope == Scope.TRANSACTION && e.phase() == StatementError.Phase.STATEMENT;
            default -> false;
        };
    }

    /**
     * Cancels each idle-in-transaction blocker first; one that still blocks at the next timeout is terminated.
     * Returns true when a session was terminated.
     */
    private boolean endIdleBlockers(PendingMigration m, List<Blocker> blockers, Set<String> cancelled) {
        boolean terminated = false;
        for (Blocker b : blockers) {
            if (!b.idleInTransaction()) {
                continue;
            }
            String key = b.id() + "@" + b.transactionStart();
            boolean terminate = cancelled.contains(key);
            try {
                if (terminate ? watch.terminate(b) : watch.cancel(b)) {
                    cancelled.add(key);
                    terminated |= terminate;
                    listener.blockerEnded(m, b, terminate);
                    OnlineLog.LOG.info("{} {}", terminate ? "terminated" : "cancelled the query of", b.describe());
                }
            } catch (SQLException ex) {
                OnlineLog.LOG.warn("could not end {}: {}", b.describe(), ex.getMessage());
            }
        }
        return terminated;
    }

    private UnderwayException gaveUp(PendingMigration m, StatementError e, int attempts, LockRetrySchedule schedule,
                                     Duration lockTimeout) {
        if (e.kind() != ErrorKind.LOCK_TIMEOUT) {
            return failed(m, e, attempts);
        }
        String blockers = e.blockers().isEmpty()
                ? " No blocking session could be identified (it may have finished just before Underway looked)."
                : " Blocked at the last attempt by " + e.blockers().stream().map(Blocker::describe)
                .collect(Collectors.joining(", ")) + ".";
        String message = where(m, e) + "gave up on '" + e.statement().preview(60) + "' after " + attempts
                + " attempts in " + Durations.approximate(schedule.elapsed()) + " (retry budget "
                + Durations.approximate(online.lockRetryFor()) + "): each attempt waited for a lock other sessions"
                + " held (the last one " + Durations.approximate(Duration.ofMillis(e.millis()))
                + (lockTimeout == null || lockTimeout.compareTo(LockRetrySchedule.FIRST_ATTEMPT) <= 0 ? ""
                : ", attempts growing from " + Durations.approximate(LockRetrySchedule.FIRST_ATTEMPT)
                + " to the lock timeout of " + Durations.approximate(lockTimeout)) + "), then gave up and paused"
                + " so that the application's queries queued behind it could run. " + MigrationExecutor.describe(e.sqlException())
                + "." + blockers + " End or commit the blocking transaction (or let " + Setting.KILL_BLOCKERS_AFTER.ref() + " end sessions"
                + " idle in a transaction), then run the same command again.";
        return fail(m, e, Reason.BLOCKED, message)
                .blockers(e.blockers().stream().map(Blocker::describe).toList());
    }

    private UnderwayException failed(PendingMigration m, StatementError e, int attempts) {
        String hint = switch (e.kind()) {
            case STATEMENT_TIMEOUT -> " It ran longer than its statement timeout. Raise " + Setting.STATEMENT_TIMEOUT.ref()
                    + " (brief catalog changes) or " + Setting.LONG_STATEMENT_TIMEOUT.ref() + " (concurrent builds, VALIDATE CONSTRAINT), or make the change"
                    + " in its non-blocking form.";
            case CONNECTION -> e.phase() == StatementError.Phase.COMMIT
                    ? " The connection was lost while committing, so whether it committed is unknown. Run migrate"
                    + " again: the history tells, and it continues from there."
                    : " The connection was lost while the statement ran, so whether it took effect is unknown. Check,"
                    + " then run the same command again: it resumes at this statement.";
            case DEADLOCK, SERIALIZATION -> attempts > 1 ? " Still failing after " + (attempts - 1) + " retries." : "";
            default -> "";
        };
        Reason reason = switch (e.kind()) {
            case STATEMENT_TIMEOUT -> Reason.STATEMENT_TIMEOUT;
            case CONNECTION -> Reason.CONNECTION_LOST;
            default -> Reason.STATEMENT_FAILED;
        };
        return fail(m, e, reason, where(m, e) + MigrationExecutor.describe(e.sqlException()) + hint);
    }

    private UnderwayException fail(PendingMigration m, StatementError e, Reason reason, String message) {
        String full = message + e.aftermath();
        listener.migrationFailed(m, e.statement(), Setting.render(full, Audience.LIBRARY));
        boolean atFault = e.kind() == ErrorKind.OTHER || e.kind() == ErrorKind.STATEMENT_TIMEOUT;
        return new MigrationExecutor.StatementFailed(reason, full, e.sqlException(), m.script().script(), e.statement(),
                atFault).at(m.script().script(), e.statement().line());
    }

    private static String where(PendingMigration m, StatementError e) {
        return m.script().script() + ":" + e.statement().line() + ": ";
    }

    private void pause(PendingMigration m, StatementError e, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            if (Interruption.process().requested()) {
                throw interrupted(m, e, wait);
            }
            throw UnderwayException.of(Reason.LOCK_WAIT_INTERRUPTED, "interrupted while waiting to retry");
        }
    }

    /**
     * A stop was requested: the statement was cancelled by the server (or never sent, or the
     * stop came while waiting to retry it), and a transaction around it has been rolled back.
     */
    private UnderwayException interrupted(PendingMigration m, StatementError e, Duration waiting) {
        String statement = "'" + e.statement().preview(60) + "'";
        String when = waiting != null ? "while waiting " + Durations.approximate(waiting) + " to retry " + statement
                : e.phase() == StatementError.Phase.SETUP ? "before " + statement + " was sent"
                : "while " + statement + " ran" + (e.millis() > 0
                ? " (" + Durations.approximate(Duration.ofMillis(e.millis())) + ")" : "") + "; the server cancelled it";
        return fail(m, e, Reason.INTERRUPTED, where(m, e) + "interrupted (" + Interruption.process().reason() + ") "
                + when + ".");
    }
}
