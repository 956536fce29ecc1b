package dev.underway.migration;

/** What a database error means for whoever decides whether to retry. */
public enum ErrorKind {
    /** A lock wait hit the lock timeout (PostgreSQL 55P03, MySQL 1205). Safe to retry the whole transaction. */
    LOCK_TIMEOUT,
    /** Chosen as a deadlock victim (40P01, 1213). Safe to retry the whole transaction. */
    DEADLOCK,
    /** Serialization failure (40001). Safe to retry the whole transaction. */
    SERIALIZATION,
    /** The statement timeout cancelled it (57014 with that reason, MariaDB 1969, MySQL 3024). */
    STATEMENT_TIMEOUT,
    /** Cancelled by someone else (57014 otherwise, MySQL 1317). */
    CANCELED,
    /** The connection broke (08xxx, 57P01, MySQL 2006/2013). Retry only what is known not to have run. */
    CONNECTION,
    /** A statement tried to write in a READ ONLY transaction (25006 on every engine; MySQL 1792). */
    READ_ONLY,
    /** Anything else: a real error in the statement or the data. */
    OTHER;

    /** Errors after which running the same transaction again may well succeed. */
    public boolean isTransient() {
        return this == LOCK_TIMEOUT || this == DEADLOCK || this == SERIALIZATION;
    }
}
