package dev.underway.migration;

import java.time.Instant;

/**
 * One row of the backfill state table.
 *
 * @param status where it stands ({@link BackfillStatus}); a run killed with SIGKILL stays {@code running}
 * @param paused set by {@code underway backfill --pause} from any session; the run waits while it is true
 * @param pagePosition the checkpoint's last key is the next page to read, not a key: a catch-up pass on an engine
 *                     that reads tables by page ranges (PostgreSQL 14+)
 */
public record BackfillState(String name, String targetSchema, String table, String change, String predicate,
                            BackfillStatus status, BackfillCheckpoint checkpoint, long estimatedRows, boolean paused,
                            String message, Instant startedOn, Instant updatedOn, boolean pagePosition) {
    /** Starts the message of a backfill whose first batch showed that catch-up passes would change rows again. */
    public static final String CATCH_UP_SKIPPED = "catch-up skipped: ";

    /** {@code sweep} or {@code catch-up pass N}, as the run's own output names its passes. */
    public String passName() {
        return BackfillCheckpoint.passName(checkpoint.pass());
    }

    /** Where the pass stands: {@code next page 120 of public.t}, {@code last key [17]}, or {@code at the start}. */
    public String position() {
        BackfillCheckpoint cp = checkpoint;
        if (cp.lastKey() == null) {
            return "at the start";
        }
        String in = cp.target() == null || cp.target().equals(targetSchema + "." + table) ? "" : " of " + cp.target();
        return (pagePosition ? "next page " + cp.lastKey().get(0) : "last key " + cp.lastKey()) + in;
    }

    public boolean isDone() {
        return status == BackfillStatus.DONE;
    }

    /** Why an earlier run decided that catch-up passes must not run, or null: a resumed run keeps that decision. */
    public String catchUpSkipped() {
        return message != null && message.startsWith(CATCH_UP_SKIPPED) ? message.substring(CATCH_UP_SKIPPED.length())
                : null;
    }
}
