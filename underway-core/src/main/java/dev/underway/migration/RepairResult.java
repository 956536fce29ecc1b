package dev.underway.migration;

import java.util.List;

/**
 * What repair changed in the history, each migration as a {@code V3 (V3__x.sql)} label (a repeatable one as
 * {@code R "description" (R__x.sql)}).
 *
 * @param removedFailed  failed attempts whose rows were removed: they run again from their first statement
 * @param realigned      applied migrations whose edited file's checksum (and description) the history now accepts
 * @param removedMissing applied migrations whose files were deleted: their rows were removed
 */
public record RepairResult(List<String> removedFailed, List<String> realigned, List<String> removedMissing) {
    public RepairResult {
        removedFailed = List.copyOf(removedFailed);
        realigned = List.copyOf(realigned);
        removedMissing = List.copyOf(removedMissing);
    }

    /** True when the history agreed with the directory already. */
    public boolean changedNothing() {
        return removedFailed.isEmpty() && realigned.isEmpty() && removedMissing.isEmpty();
    }
}
