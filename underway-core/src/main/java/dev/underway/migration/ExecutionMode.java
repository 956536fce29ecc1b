package dev.underway.migration;

/** How a migration runs: atomically with its history row, or statement by statement with recorded progress. */
public enum ExecutionMode {
    /** One transaction holds every statement and the history row: all or nothing. */
    TRANSACTIONAL,
    /** Each statement commits on its own; the history row records how many ran, so a re-run resumes. */
    PER_STATEMENT,
    /** A declarative migration's start or complete: action by action, progress recorded in the operations table. */
    EXPAND_CONTRACT
}
