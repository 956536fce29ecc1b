package dev.underway.wait;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The loop of waiting for a lock that someone else holds: try it, pause a little longer each time
 * (50 ms growing to half a second, jittered so that waiters do not retry in step), tell the one
 * waiting how long it has waited every so often, give up after a timeout, and run a check before
 * each pause (the caller's {@code Interruption}: a stop request ends the wait at once). The lock
 * itself, a session lock or a file lock, stays the caller's; so do the messages.
 */
public final class LockWait {
    private static final long FIRST_PAUSE_MS = 50;
    private static final long LONGEST_PAUSE_MS = 500;
    private static final Runnable NO_CHECK = () -> { };
    private static final Report NO_REPORT = waited -> { };

    /** One try at the lock: true when it is now held. */
    @FunctionalInterface
    public interface Attempt<E extends Exception> {
        boolean tryLock() throws E;
    }

    /** Told, while waiting, how long the wait has lasted. */
    @FunctionalInterface
    public interface Report {
        void waiting(Duration waited);
    }

    /** Null: no limit. */
    private final Duration timeout;
    /** Null: never report. */
    private final Duration firstReport;
    /** Null: report once. */
    private final Duration reportEvery;
    private final Report report;
    private final Runnable eachTry;
    /** Null: growing, jittered pauses. */
    private final Duration steadyPause;

    private LockWait(Duration timeout, Duration firstReport, Duration reportEvery, Report report, Runnable eachTry,
                     Duration steadyPause) {
        this.timeout = timeout;
        this.firstReport = firstReport;
        this.reportEvery = reportEvery;
        this.report = report;
        this.eachTry = eachTry;
        this.steadyPause = steadyPause;
    }

    /** Gives up once {@code timeout} has passed ({@link Duration#ZERO}: after the first try). */
    public static LockWait upTo(Duration timeout) {
        return new LockWait(timeout, null, null, NO_REPORT, NO_CHECK, null);
    }

    /** Waits until the lock is free, however long that takes (or until the check before a pause throws). */
    public static LockWait withoutLimit() {
        return new LockWait(null, null, null, NO_REPORT, NO_CHECK, null);
    }

    /** Reports after {@code every} of waiting, and again after each further {@code every}. */
    public LockWait reportingEvery(Duration every, Report to) {
        return new LockWait(timeout, every, every, to, eachTry, steadyPause);
    }

    /** Reports once, as soon as the first try finds the lock taken. */
    public LockWait reportingOnce(Report to) {
        return new LockWait(timeout, Duration.ZERO, null, to, eachTry, steadyPause);
    }

    /** Runs {@code check} each time a try finds the lock taken; whatever it throws ends the wait. */
    public LockWait checkingEachTry(Runnable check) {
        return new LockWait(timeout, firstReport, reportEvery, report, check, steadyPause);
    }

    /**
     * Pauses {@code each} between tries, always: for a wait that expects the lock to come free any moment (a killed
     * session the server has yet to notice), where growing pauses would only add delay.
     */
    public LockWait pausing(Duration each) {
        return new LockWait(timeout, firstReport, reportEvery, report, eachTry, each);
    }

    /** Tries until the lock is held (true) or the timeout has passed (false). */
    public <E extends Exception> boolean acquire(Attempt<E> attempt) throws E, InterruptedException {
        long start = System.nanoTime();
        long nextReport = firstReport == null ? Long.MAX_VALUE : firstReport.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (!attempt.tryLock()) {
            eachTry.run();
            long waited = System.nanoTime() - start;
            if (timeout != null && waited >= timeout.toNanos()) {
                return false;
            }
            if (waited >= nextReport) {
                report.waiting(Duration.ofNanos(waited));
                nextReport = reportEvery == null ? Long.MAX_VALUE : nextReport + reportEvery.toNanos();
            }
            if (steadyPause != null) {
                Thread.sleep(steadyPause.toMillis());
                continue;
            }
            Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
        return true;
    }
}
