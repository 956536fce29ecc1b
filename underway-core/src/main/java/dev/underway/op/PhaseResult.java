package dev.underway.op;

import dev.underway.backfill.BackfillResult;

import java.util.List;

/**
 * What one run of start, complete or rollback did.
 *
 * @param resumedAt 0 for a fresh run; else the number of actions an earlier, interrupted run had done
 */
public record PhaseResult(String version, String phase, String newSchema, String oldSchema, int actions, int resumedAt,
                          List<BackfillResult> backfills, int retries, long lockWaitMs, long millis) {
    public PhaseResult {
        backfills = List.copyOf(backfills);
    }
}
