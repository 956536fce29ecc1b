package dev.underway.migration;


import java.util.List;

/**
 * What one run of start, complete or rollback did.
 *
 * @param resumedAt 0 for a fresh run; else the number of actions an earlier, interrupted run had done
 * @param alreadyDone null when this run did the phase's work; else what it found instead, as a sentence
 *                    ({@code V2 was already completed on ...}): an earlier run finished the phase, perhaps
 *                    killed right after its last commit, and there is nothing left to do
 */
public record PhaseResult(String version, Phase phase, String newSchema, String oldSchema, int actions, int resumedAt,
                          List<BackfillResult> backfills, int retries, long lockWaitMs, long millis, String alreadyDone) {
    public PhaseResult {
        backfills = List.copyOf(backfills);
    }

    public PhaseResult(String version, Phase phase, String newSchema, String oldSchema, int actions, int resumedAt,
                       List<BackfillResult> backfills, int retries, long lockWaitMs, long millis) {
        this(version, phase, newSchema, oldSchema, actions, resumedAt, backfills, retries, lockWaitMs, millis, null);
    }

    /** The phase had been finished by an earlier run; nothing was run now. */
    public static PhaseResult alreadyDone(String version, Phase phase, String newSchema, String oldSchema, int actions,
                                   String found) {
        return new PhaseResult(version, phase, newSchema, oldSchema, actions, actions, List.of(), 0, 0, 0, found);
    }
}
