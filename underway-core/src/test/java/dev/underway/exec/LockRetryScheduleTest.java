package dev.underway.exec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry schedule against a blocker that never lets go, on a simulated clock: every attempt
 * waits its whole lock timeout (plus a little overhead), then pauses as the schedule says. While
 * an attempt waits, the application's queries queue behind it; the share of any window spent so
 * is what the schedule bounds.
 */
class LockRetryScheduleTest {
    private static final UnaryOperator<Duration> POSTGRES = d -> d;
    /** MySQL/MariaDB's lock_wait_timeout counts whole seconds, at least one. */
    private static final UnaryOperator<Duration> MYSQL = d -> Duration.ofSeconds(Math.max(1, (d.toMillis() + 999) / 1000));
    private static final long OVERHEAD_MS = 5;

    /** A simulated clock in nanoseconds and the attempts a blocker made time out, as [start, end] in ms. */
    private static final class Blocked {
        long now;
        final List<long[]> queued = new ArrayList<>();
        final List<Long> timeouts = new ArrayList<>();
        final List<Long> pauses = new ArrayList<>();
        int gaveUpAfter = -1;

        Blocked(Duration lockTimeout, UnaryOperator<Duration> effective, Duration budget, long seed) {
            Random random = new Random(seed);
            LockRetrySchedule s = new LockRetrySchedule(lockTimeout, effective, budget, () -> now, random::nextDouble);
            while (true) {
                long start = now / 1_000_000;
                Duration timeout = s.startAttempt();
                timeouts.add(timeout.toMillis());
                now += (timeout.toMillis() + OVERHEAD_MS) * 1_000_000;
                queued.add(new long[] {start, now / 1_000_000});
                Duration pause = s.failed(true, Duration.ofMillis(timeout.toMillis() + OVERHEAD_MS));
                if (pause == null) {
                    gaveUpAfter = queued.size();
                    return;
                }
                pauses.add(pause.toMillis());
                now += pause.toNanos();
            }
        }

        /** The largest share of any window of this length spent queued behind an attempt. */
        double worstShare(long windowMs) {
            double worst = 0;
            // The worst window ends where an attempt ends (sliding it into a gap only loses queued time).
            for (long[] q : queued) {
                long from = q[1] - windowMs;
                long sum = 0;
                for (long[] o : queued) {
                    sum += Math.max(0, Math.min(o[1], q[1]) - Math.max(o[0], from));
                }
                worst = Math.max(worst, (double) sum / windowMs);
            }
            return worst;
        }

        double overallShare() {
            return (double) queued.stream().mapToLong(q -> q[1] - q[0]).sum() / (now / 1_000_000);
        }
    }

    @Test
    void noTenSecondWindowIsMoreThanATenthQueuedWhileABlockerHolds() {
        for (long seed = 0; seed < 20; seed++) {
            for (Duration lockTimeout : List.of(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(750),
                    Duration.ofSeconds(1))) {
                Blocked pg = new Blocked(lockTimeout, POSTGRES, Duration.ofMinutes(10), seed);
                assertThat(pg.worstShare(10_000)).as("PostgreSQL, lock timeout %s, seed %d", lockTimeout, seed)
                        .isLessThanOrEqualTo(0.101);
                // And it keeps trying: never more than a window (and its jitter) between attempts.
                assertThat(pg.pauses).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(12_000));
                assertThat(pg.overallShare()).isBetween(0.04, 0.101);
                Blocked my = new Blocked(lockTimeout, MYSQL, Duration.ofMinutes(10), seed);
                assertThat(my.worstShare(10_000)).as("MySQL, lock timeout %s, seed %d", lockTimeout, seed)
                        .isLessThanOrEqualTo(0.101);
            }
        }
    }

    @Test
    void aLongerLockTimeoutIsHeldToATenthOfTenAttempts() {
        for (long seed = 0; seed < 20; seed++) {
            Blocked b = new Blocked(Duration.ofSeconds(3), POSTGRES, Duration.ofMinutes(10), seed);
            assertThat(b.timeouts).contains(3000L);
            assertThat(b.worstShare(30_000)).isLessThanOrEqualTo(0.101);
        }
    }

    @Test
    void attemptsStartShortAndGrowToTheLockTimeoutWhichStaysTheCap() {
        Blocked pg = new Blocked(Duration.ofSeconds(1), POSTGRES, Duration.ofMinutes(2), 1);
        assertThat(pg.timeouts.subList(0, 5)).containsExactly(200L, 400L, 800L, 1000L, 1000L);
        assertThat(pg.timeouts).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(1000));
        // A pause is at least nine times the attempt before it, and jitter only ever lengthens it.
        for (int i = 0; i < pg.pauses.size(); i++) {
            assertThat(pg.pauses.get(i)).isGreaterThanOrEqualTo(9 * (pg.timeouts.get(i) + OVERHEAD_MS));
        }
        // Steady state behind a blocker: about one 1 s attempt every 10 to 12 s.
        assertThat(pg.pauses.subList(4, pg.pauses.size())).allSatisfy(p -> assertThat(p).isBetween(9_000L, 11_000L));

        Blocked my = new Blocked(Duration.ofSeconds(3), MYSQL, Duration.ofMinutes(2), 1);
        assertThat(my.timeouts.subList(0, 6)).containsExactly(1000L, 1000L, 1000L, 2000L, 3000L, 3000L);
    }

    @Test
    void theRetryBudgetStillEndsTheRetries() {
        Blocked b = new Blocked(Duration.ofSeconds(1), POSTGRES, Duration.ofSeconds(30), 3);
        assertThat(b.gaveUpAfter).isBetween(3, 6);
        // No pause was offered that would have ended past the budget.
        assertThat(b.now / 1_000_000 - b.timeouts.get(b.timeouts.size() - 1) - OVERHEAD_MS).isLessThanOrEqualTo(30_000);
    }

    @Test
    void otherFailuresAreRetriedSoon() {
        long[] now = {0};
        LockRetrySchedule s = new LockRetrySchedule(Duration.ofSeconds(1), POSTGRES, Duration.ofMinutes(10),
                () -> now[0], () -> 0);
        s.startAttempt();
        now[0] += 50_000_000;
        assertThat(s.failed(false, Duration.ofMillis(50))).isEqualTo(Duration.ofMillis(200));
        assertThat(s.attemptTimeout()).as("a deadlock does not grow the next attempt").isEqualTo(Duration.ofMillis(200));
        s.startAttempt();
        now[0] += 50_000_000;
        assertThat(s.failed(false, Duration.ofMillis(50))).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void withoutALockTimeoutAttemptsHaveNone() {
        LockRetrySchedule s = new LockRetrySchedule(null, POSTGRES, Duration.ofMinutes(10));
        assertThat(s.startAttempt()).isNull();
        assertThat(s.failed(false, Duration.ZERO)).isNotNull();
    }
}
