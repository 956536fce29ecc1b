package dev.underway.sql.shape;

/** Words that change what a statement locks. */
public enum Modifier {
    CONCURRENTLY,
    IF_EXISTS,
    IF_NOT_EXISTS,
    /** {@code ALTER TABLE ONLY t}: not recursing into partitions or children. */
    ONLY,
    UNIQUE,
    /** {@code VACUUM FULL}. */
    FULL,
    CASCADE,
    OR_REPLACE,
    TEMPORARY,
    /** MariaDB {@code ALTER ONLINE TABLE} (= {@code LOCK=NONE}). */
    ONLINE,
    /** A DELETE or UPDATE with a WHERE clause. */
    WHERE,
    /** {@code SET LOCAL}: for the current transaction only. */
    LOCAL
}
