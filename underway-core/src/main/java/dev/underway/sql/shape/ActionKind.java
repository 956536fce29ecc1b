package dev.underway.sql.shape;

/** One sub-command of an ALTER TABLE (and the elements of a CREATE TABLE). */
public enum ActionKind {
    ADD_COLUMN,
    DROP_COLUMN,
    RENAME_COLUMN,
    /** PostgreSQL {@code ALTER COLUMN TYPE}, MySQL {@code MODIFY} / {@code CHANGE}. */
    ALTER_COLUMN_TYPE,
    SET_NOT_NULL,
    DROP_NOT_NULL,
    SET_DEFAULT,
    DROP_DEFAULT,
    /** Column options that change no data: statistics, attribute options, visibility, comment. */
    ALTER_COLUMN_OPTION,
    SET_STORAGE,
    ADD_IDENTITY,
    DROP_IDENTITY,
    ADD_CONSTRAINT,
    /** MySQL {@code ADD INDEX / KEY / UNIQUE / FULLTEXT / SPATIAL}. */
    ADD_INDEX,
    VALIDATE_CONSTRAINT,
    DROP_CONSTRAINT,
    DROP_PRIMARY_KEY,
    DROP_INDEX,
    RENAME_CONSTRAINT,
    RENAME_INDEX,
    RENAME_TABLE,
    SET_SCHEMA,
    ENABLE_TRIGGER,
    DISABLE_TRIGGER,
    ATTACH_PARTITION,
    DETACH_PARTITION,
    SET_TABLESPACE,
    SET_LOGGED,
    SET_UNLOGGED,
    /** {@code SET (fillfactor=..)}, {@code RESET (..)}. */
    SET_STORAGE_PARAMETERS,
    OWNER,
    CLUSTER_ON,
    REPLICA_IDENTITY,
    ROW_SECURITY,
    INHERIT,
    /** MySQL {@code CONVERT TO CHARACTER SET}. */
    CONVERT_CHARSET,
    /** MySQL table options that only change metadata: {@code COMMENT=}, {@code DEFAULT CHARSET=}, {@code AUTO_INCREMENT=}. */
    TABLE_OPTION,
    /** MySQL {@code ENGINE=}, {@code FORCE}, {@code ROW_FORMAT=}: rebuild the table. */
    REBUILD,
    /** MySQL {@code ORDER BY}. */
    ORDER_BY,
    /** MySQL {@code ALTER INDEX i [IN]VISIBLE}. */
    INDEX_VISIBILITY,
    UNKNOWN
}
