package dev.underway.migration;

/** What to do with a checkpoint left by an earlier run of the same backfill. */
public enum ResumeMode {
    /** Refuse when a checkpoint exists: the user must say whether to resume or restart. */
    NEW,
    /** Continue from the checkpoint (start from the beginning when there is none; return at once when it finished). */
    RESUME,
    /** Forget the checkpoint and start from the beginning. */
    RESTART
}
