package dev.underway.dialect;

/** How the executor guards a statement against waiting for locks and running too long. */
public enum TimeoutClass {
    /**
     * Takes a lock that blocks the application (stronger than SHARE UPDATE EXCLUSIVE on
     * PostgreSQL; any DDL's metadata lock on MySQL/MariaDB) and should hold it briefly: short
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
    /** Everything else (DML, creating new objects): the server's own timeouts apply. */
    OTHER
}
