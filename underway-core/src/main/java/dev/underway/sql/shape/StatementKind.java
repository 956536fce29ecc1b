package dev.underway.sql.shape;

/** What a statement does, as far as locking is concerned. */
public enum StatementKind {
    CREATE_TABLE,
    CREATE_TABLE_AS,
    ALTER_TABLE,
    /** {@code ALTER TABLE t RENAME TO u} and MySQL's {@code RENAME TABLE t TO u}. */
    RENAME_TABLE,
    DROP_TABLE,
    TRUNCATE,
    CREATE_INDEX,
    DROP_INDEX,
    /** {@code ALTER INDEX ... RENAME / SET ...}. */
    ALTER_INDEX,
    REINDEX,
    VACUUM,
    CLUSTER,
    ANALYZE,
    /** {@code ALTER TYPE ... ADD VALUE} and other enum type changes ({@code RENAME VALUE}: option {@code RENAME_VALUE}). */
    ALTER_TYPE,
    /** PostgreSQL {@code ALTER DOMAIN}: adding or validating a constraint checks every column of the domain. */
    ALTER_DOMAIN,
    CREATE_TRIGGER,
    DROP_TRIGGER,
    REFRESH_MATERIALIZED_VIEW,
    LOCK_TABLE,
    /**
     * Objects without table data: views, functions, sequences, types, schemas, extensions, comments, grants. Option
     * {@code DROP} = {@code DATABASE} for {@code DROP DATABASE} (MySQL: also {@code DROP SCHEMA}), {@code RENAME} =
     * {@code SCHEMA} for {@code ALTER SCHEMA ... RENAME TO}; {@code names} then holds the object's name.
     */
    CATALOG_ONLY,
    SET,
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    TRANSACTION_CONTROL,
    /** Code whose effect cannot be read from the text: DO blocks, CALL. */
    PROCEDURAL,
    /** Not understood by the classifier: reported, never assumed safe. */
    UNKNOWN
}
