package dev.underway.state;

import java.time.Instant;

/**
 * One row of the backfill state table.
 *
 * @param status {@code running}, {@code paused}, {@code done}, {@code not converged} (catch-up passes kept finding
 *               rows the application changed), {@code failed} or {@code interrupted} (stopped by SIGINT/SIGTERM);
 *               a run killed with SIGKILL stays {@code running}
 * @param paused set by {@code underway backfill --pause} from any session; the run waits while it is true
 * @param pagePosition the checkpoint's last key is the next page to read, not a key: a catch-up pass on an engine
 *                     that reads tables by page ranges (PostgreSQL 14+)
 */
public record BackfillState(String name, String targetSchema, String table, String change, String predicate,
                            String status, BackfillCheckpoint checkpoint, long estimatedRows, boolean paused,
                            String message, Instant startedOn, Instant updatedOn, boolean pagePosition) {
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";
    public static final String NOT_CONVERGED = "not converged";
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
        return DONE.equals(status);
    }

    /** Why an earlier run decided that catch-up passes must not run, or null: a resumed run keeps that decision. */
    public String catchUpSkipped() {
        return message != null && message.startsWith(CATCH_UP_SKIPPED) ? message.substring(CATCH_UP_SKIPPED.length())
                : null;
    }
}
