package dev.underway.observe;

import java.time.Duration;

/**
 * Where a running backfill stands after a batch.
 *
 * @param pass          0 for the sweep, 1.. for catch-up passes
 * @param target        the relation being walked ({@code schema.table}, or a partition)
 * @param rowsDone      rows walked past in this pass (changed or not)
 * @param rowsChanged   rows the batches updated, over the whole backfill
 * @param estimatedTotal the rows one pass walks, estimated (never below {@code rowsDone})
 * @param rowsPerSecond  rows walked per second in this run, waits included
 * @param eta           the time left for this pass at that rate; null while unknown
 * @param batchSize     the size of the batch just done
 * @param batchMillis   how long its transaction took
 */
public record BackfillProgress(String name, int pass, String target, long rowsDone, long rowsChanged, long estimatedTotal,
                               double rowsPerSecond, Duration eta, int batchSize, long batchMillis) {

    /** Percent of this pass done, 0..100. */
    public double percent() {
        return estimatedTotal == 0 ? 100 : Math.min(100, 100.0 * rowsDone / estimatedTotal);
    }
}
