package dev.underway.migration;

/** How the executor guards a statement against waiting for locks and running too long. */
public enum TimeoutClass {
    /**
     * Takes a lock that blocks the application (stronger than SHARE UPDATE EXCLUSIVE on
     * PostgreSQL; an exclusive metadata lock on MySQL/MariaDB) and should hold it briefly: short
     * lock timeout with retries, brief statement timeout.
     */
    BRIEF_STRONG_LOCK,
    /**
     * Long work that does not block reads or writes ({@code CREATE INDEX CONCURRENTLY},
     * {@code VALIDATE CONSTRAINT}, an in-place index build): the long statement timeout, and on
     * PostgreSQL no short lock timeout, because such a statement legitimately waits for old
     * snapshots.
     */
    LONG_NON_BLOCKING,
    /**
     * Not understood by the classifier: the short lock timeout with retries, as if it locked
     * strongly (a needless retry is cheap, a stalled application is not), but no statement
     * timeout, because how long it should take is unknown (a {@code DO} block, a procedure call).
     */
    UNJUDGED,
    /** Everything else (DML, creating new objects): the server's own timeouts apply. */
    OTHER;

    /** The class the statement's verdict calls for. */
    public static TimeoutClass of(Verdict verdict) {
        if (!verdict.known()) {
            return UNJUDGED;
        }
        if (verdict.longRunningNonBlocking()) {
            return LONG_NON_BLOCKING;
        }
        return verdict.strongLock() ? BRIEF_STRONG_LOCK : OTHER;
    }
}
