package dev.underway.backfill;

import dev.underway.migration.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSizerTest {
    /** A database where a batch costs 2 ms plus {@code perRow} ms per row. */
    private static double cost(int rows, double perRow) {
        return 2 + rows * perRow;
    }

    @Test
    void aFixedSizeStaysFixedButNeverAboveTheCap() {
        BatchSizer capped = BatchSizer.fixed(5000, 1000);
        capped.record(1000, 1);
        capped.failed(ErrorKind.LOCK_TIMEOUT);
        assertThat(capped.size()).isEqualTo(1000);
        assertThat(BatchSizer.fixed(300, BatchSizer.MAX).size()).isEqualTo(300);
    }

    @Test
    void startsSmallAndConvergesToTheTargetTime() {
        BatchSizer sizer = BatchSizer.adaptive(200, BatchSizer.MAX);
        assertThat(sizer.size()).isEqualTo(BatchSizer.INITIAL);
        int previous = sizer.size();
        for (int i = 0; i < 40; i++) {
            int size = sizer.size();
            assertThat(size).as("never more than doubles").isLessThanOrEqualTo(previous * 2);
            previous = size;
            sizer.record(size, cost(size, 0.01));
        }
        assertThat(cost(sizer.size(), 0.01)).isBetween(180.0, 220.0);
    }

    @Test
    void shrinksWithinOneBatchWhenBatchesTurnSlow() {
        BatchSizer sizer = BatchSizer.adaptive(200, BatchSizer.MAX);
        for (int i = 0; i < 40; i++) {
            sizer.record(sizer.size(), cost(sizer.size(), 0.01));
        }
        int converged = sizer.size();
        sizer.record(converged, cost(converged, 0.1));
        assertThat(sizer.size()).isLessThan(converged / 5);
        assertThat(cost(sizer.size(), 0.1)).isBetween(150.0, 250.0);
    }

    @Test
    void failuresShrinkAndAFixedSizeNeverChanges() {
        BatchSizer sizer = BatchSizer.adaptive(200, BatchSizer.MAX);
        sizer.failed(ErrorKind.LOCK_TIMEOUT);
        assertThat(sizer.size()).isEqualTo(BatchSizer.INITIAL / 2);
        sizer.failed(ErrorKind.STATEMENT_TIMEOUT);
        assertThat(sizer.size()).isEqualTo(BatchSizer.INITIAL / 8);

        BatchSizer fixed = BatchSizer.fixed(1000, Integer.MAX_VALUE);
        fixed.record(1000, 5000);
        fixed.failed(ErrorKind.DEADLOCK);
        assertThat(fixed.size()).isEqualTo(1000);
    }

    @Test
    void neverExceedsTheCap() {
        BatchSizer sizer = BatchSizer.adaptive(200, 500);
        for (int i = 0; i < 20; i++) {
            sizer.record(sizer.size(), 1);
        }
        assertThat(sizer.size()).isEqualTo(500);
    }
}
