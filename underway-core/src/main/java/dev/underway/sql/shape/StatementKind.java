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
    /** {@code ALTER TYPE ... ADD VALUE} and other enum type changes. */
    ALTER_TYPE,
    CREATE_TRIGGER,
    DROP_TRIGGER,
    REFRESH_MATERIALIZED_VIEW,
    LOCK_TABLE,
    /** Objects without table data: views, functions, sequences, types, schemas, extensions, comments, grants. */
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
