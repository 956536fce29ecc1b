package dev.underway.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * How long each attempt of one unit (a migration's transaction, or one statement) may wait for
 * its lock, and how long to pause after an attempt failed, within the retry budget.
 *
 * <p>While an attempt waits for a strong lock, every application query on the table queues behind
 * it (the lock queue is FIFO), so what the application loses is the share of time Underway's
 * request sits in the queue: attempt / (attempt + pause). The schedule keeps that share at most
 * {@link #SHARE} of any {@link #WINDOW} while a blocker holds the lock (of any ten attempts' length
 * for attempts longer than a tenth of the window): attempts start at {@link #FIRST_ATTEMPT} and
 * double up to the lock timeout, which stays the cap; each is followed by a pause of at least
 * nine times its length, longer where the attempts before it would otherwise put a window over
 * its share; pauses are stretched by up to {@link #JITTER} at random so that several processes do
 * not retry in step. Deadlocks and lost connections do not wait in the queue: they are retried
 * after short doubling pauses, still within the window rule.
 */
final class LockRetrySchedule {
    static final Duration FIRST_ATTEMPT = Duration.ofMillis(200);
    static final double SHARE = 0.10;
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** The shortest pause: the queries that queued behind an attempt need a moment to run. */
    static final Duration MIN_PAUSE = Duration.ofMillis(200);
    static final double JITTER = 0.2;

    private final Duration lockTimeout;
    private final UnaryOperator<Duration> effective;
    private final Duration budget;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;
    private final long startNanos;
    /** When earlier attempts that timed out were queued, in nanoseconds of {@link #nanoTime}. */
    private final List<long[]> queued = new ArrayList<>();
    private long attemptStart;
    private int lockTimeouts;
    private int otherFailures;

    /**
     * @param lockTimeout the lock timeout the unit runs with (the cap of every attempt); null: none
     * @param effective   the lock timeout the server really applies for a requested one (MySQL counts whole seconds)
     * @param budget      how long the unit may keep retrying in total
     */
    LockRetrySchedule(Duration lockTimeout, UnaryOperator<Duration> effective, Duration budget) {
        this(lockTimeout, effective, budget, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    LockRetrySchedule(Duration lockTimeout, UnaryOperator<Duration> effective, Duration budget, LongSupplier nanoTime,
                      DoubleSupplier random) {
        this.lockTimeout = lockTimeout;
        this.effective = effective;
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.random = random;
        this.startNanos = nanoTime.getAsLong();
        this.attemptStart = startNanos;
    }

    /** Marks the start of an attempt and returns its lock timeout (null when the unit has none). */
    Duration startAttempt() {
        attemptStart = nanoTime.getAsLong();
        return attemptTimeout();
    }

    /** The lock timeout of the next attempt: the first ones short, doubling up to the unit's lock timeout. */
    Duration attemptTimeout() {
        if (lockTimeout == null) {
            return null;
        }
        long grown = FIRST_ATTEMPT.toMillis() << Math.min(lockTimeouts, 20);
        return effective.apply(Duration.ofMillis(Math.min(lockTimeout.toMillis(), grown)));
    }

    /**
     * Records that the attempt started last failed now, and returns the pause before the next one,
     * or null when the next attempt would start past the retry budget (the caller gives up).
     *
     * @param lockTimedOut true when it waited for a lock until its timeout (it sat in the lock queue)
     * @param waited       how long its statement waited in the queue (the attempt's setup, the blocker report
     *                     and the rollback around it do not hold the application up)
     */
    Duration failed(boolean lockTimedOut, Duration waited) {
        long now = nanoTime.getAsLong();
        long pause;
        if (lockTimedOut) {
            long inQueue = Math.min(waited.toNanos(), now - attemptStart);
            queued.add(new long[] {now - inQueue, now});
            lockTimeouts++;
            pause = Math.max(MIN_PAUSE.toNanos(), (long) (inQueue * (1 - SHARE) / SHARE));
        } else {
            pause = MIN_PAUSE.toNanos() << Math.min(otherFailures++, 10);
        }
        Duration next = attemptTimeout();
        long nextNanos = next != null ? next.toNanos() : waited.toNanos();
        pause = Math.max(pause, earliestStart(nextNanos) - now);
        pause += (long) (pause * JITTER * random.getAsDouble());
        if (now - startNanos + pause > budget.toNanos()) {
            return null;
        }
        return Duration.ofMillis((pause + 999_999) / 1_000_000);
    }

    /**
     * The earliest start of an attempt lasting {@code length} such that the window ending with it
     * holds at most its share of queued time, the attempt included.
     */
    private long earliestStart(long length) {
        long window = Math.max(WINDOW.toNanos(), (long) (length / SHARE));
        double allowed = SHARE * window - length;
        // The newest attempts count first: find the earliest moment L after which at most `allowed` was queued.
        double total = 0;
        for (int i = queued.size() - 1; i >= 0; i--) {
            long[] q = queued.get(i);
            long span = q[1] - q[0];
            if (total + span > allowed) {
                long from = q[1] - (long) (allowed - total);
                return from + window - length;
            }
            total += span;
        }
        return Long.MIN_VALUE / 2;
    }

    /** Time spent on the unit so far, retries included. */
    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }
}
