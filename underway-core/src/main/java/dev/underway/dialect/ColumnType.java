package dev.underway.dialect;

/** Logical column types of Underway's own state tables; each dialect renders them. */
public enum ColumnType {
    /** An auto-generated integer primary key. */
    IDENTITY,
    INT,
    BIGINT,
    BOOLEAN,
    /** A short string (up to 200 characters). */
    NAME,
    /** A longer string (up to 1000 characters). */
    TEXT,
    /** Unbounded text (SQL expressions, keys): never indexed. */
    LONG_TEXT,
    /** Point in time, defaulting to the server's clock at insert. */
    TIMESTAMP_NOW
}
