package dev.underway.wait;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockWaitTest {
    /** A lock that is free from the given try on (never, with 0). */
    private static LockWait.Attempt<RuntimeException> freeFrom(int attempt, AtomicInteger tries) {
        return () -> tries.incrementAndGet() == attempt;
    }

    @Test
    void triesUntilTheLockIsFree() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        assertThat(LockWait.upTo(Duration.ofSeconds(30)).acquire(freeFrom(4, tries))).isTrue();
        assertThat(tries).hasValue(4);
    }

    @Test
    void aSteadyPauseDoesNotGrow() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        long start = System.nanoTime();
        assertThat(LockWait.upTo(Duration.ofSeconds(30)).pausing(Duration.ofMillis(1)).acquire(freeFrom(20, tries)))
                .isTrue();
        // Growing pauses would take about 8 s for 19 taken tries.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(tries).hasValue(20);
    }

    @Test
    void aZeroTimeoutGivesUpAfterTheFirstTry() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        assertThat(LockWait.upTo(Duration.ZERO).acquire(freeFrom(0, tries))).isFalse();
        assertThat(tries).hasValue(1);
    }

    @Test
    void givesUpOnceTheTimeoutHasPassedAndReportsOnTheWay() throws InterruptedException {
        List<Duration> reports = new ArrayList<>();
        long start = System.nanoTime();
        boolean taken = LockWait.upTo(Duration.ofMillis(900)).reportingEvery(Duration.ofMillis(300), reports::add)
                .acquire(freeFrom(0, new AtomicInteger()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(taken).isFalse();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(reports).isNotEmpty().hasSizeLessThanOrEqualTo(2)
                .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
        assertThat(reports).isSorted();
    }

    @Test
    void reportsOnceAtTheFirstTakenTry() throws InterruptedException {
        List<Duration> reports = new ArrayList<>();
        AtomicInteger tries = new AtomicInteger();
        assertThat(LockWait.withoutLimit().reportingOnce(reports::add).acquire(freeFrom(5, tries))).isTrue();
        assertThat(tries).hasValue(5);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).isLessThan(Duration.ofMillis(50));
    }

    @Test
    void aFreeLockIsNeitherReportedNorChecked() throws InterruptedException {
        List<Duration> reports = new ArrayList<>();
        assertThat(LockWait.withoutLimit().reportingOnce(reports::add)
                .checkingEachTry(() -> {
                    throw new IllegalStateException("checked");
                })
                .acquire(() -> true)).isTrue();
        assertThat(reports).isEmpty();
    }

    @Test
    void whatTheCheckThrowsEndsTheWait() {
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        assertThatThrownBy(() -> LockWait.withoutLimit().checkingEachTry(() -> {
            if (checks.incrementAndGet() == 2) {
                throw new IllegalStateException("stop requested");
            }
        }).acquire(freeFrom(0, tries))).isInstanceOf(IllegalStateException.class).hasMessage("stop requested");
        assertThat(tries).hasValue(2);
    }
}
