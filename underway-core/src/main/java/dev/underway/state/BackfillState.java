package dev.underway.state;

import java.time.Instant;

/**
 * One row of the backfill state table.
 *
 * @param status {@code running}, {@code paused}, {@code done} or {@code failed}; a killed run stays {@code running}
 * @param paused set by {@code underway backfill --pause} from any session; the run waits while it is true
 */
public record BackfillState(String name, String targetSchema, String table, String change, String predicate,
                            String status, BackfillCheckpoint checkpoint, long estimatedRows, boolean paused,
                            String message, Instant startedOn, Instant updatedOn) {
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean isDone() {
        return DONE.equals(status);
    }
}
