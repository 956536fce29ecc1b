package dev.underway.migration;

import java.time.Duration;

/**
 * What a backfill did.
 *
 * @param rowsWalked       rows this run walked past (changed or not), in all passes
 * @param rowsChanged      rows the batches updated, over all runs (catch-up passes included)
 * @param catchUpPasses    catch-up passes run after the sweep
 * @param converged        true when a complete catch-up pass found no row differing from its expressions;
 *                         null when no catch-up ran (touch, --no-catch-up, or a non-deterministic expression)
 * @param longestBatchMillis the longest batch transaction of this run
 * @param longestLockMillis  the longest time a batch held row locks (its UPDATE until its commit)
 * @param alreadyDone      true when a resumed backfill had already finished and nothing ran
 */
public record BackfillResult(String name, String table, long rowsWalked, long rowsChanged, long batches,
                             int catchUpPasses, Boolean converged, String catchUpSkipped, long longestBatchMillis,
                             long longestLockMillis, int retries, Duration took, boolean resumed, boolean alreadyDone) {
}
