package dev.underway.dialect;

import dev.underway.migration.IdentifierQuoting;
import dev.underway.sql.SqlSyntax;

/**
 * Everything Underway needs to know about one engine at one server version, split by
 * concern. Each concern is a small interface; {@code postgres/} and {@code mysql/} hold the
 * implementations (MariaDB extends MySQL).
 */
public interface Dialect extends IdentifierQuoting {
    DatabaseKind kind();

    ServerVersion version();

    SqlSyntax syntax();

    /** Quotes an identifier that came from a file or flag. */
    @Override
    String quote(String identifier);

    /** A string literal of this engine's default SQL mode. */
    String literal(String text);

    Schemas schemas();

    /** Column types for Underway's state tables. */
    String columnType(ColumnType type);

    SessionLocks sessionLocks();

    TransactionRules transactions();

    /** The locks, rewrites and scans each statement causes on this engine and version. */
    LockPolicy lockPolicy();

    /** Columns, keys, partitions and size of tables, for batched data changes. */
    TableIntrospection tables();

    /** Key ranges, key binding and session settings of batched data changes. */
    BatchSql batches();

    ReplicaLag replicaLag();

    /** Which statements get the short lock timeout and which statement timeout. */
    TimeoutPolicy timeoutPolicy();

    SessionTimeouts sessionTimeouts();

    /** Who blocks a waiting session, and ending idle blockers. */
    Blockers blockers();

    /** What the server reports about a long statement while it runs (progress, stage, state). */
    StatementProgress statementProgress();

    /** Cleaning up after failed concurrent index builds; nothing to clean by default. */
    default ConcurrentIndexes concurrentIndexes() {
        return ConcurrentIndexes.NONE;
    }

    /** Classifies this engine's errors for retry decisions. */
    default ErrorClassifier errors() {
        return new ErrorClassifier(kind());
    }

    /** A short name for messages: {@code PostgreSQL 17.6}. */
    default String describe() {
        return switch (kind()) {
            case POSTGRESQL -> "PostgreSQL";
            case MYSQL -> "MySQL";
            case MARIADB -> "MariaDB";
        } + " " + version();
    }

    /** What a rehearsal observes of a statement's session: locks, waits, rewrites. */
    SessionProbe sessionProbe();

    /** Reading columns for synthetic rows, binding them, bulk inserts. */
    DataFill dataFill();

    /** Which privileges a command needs that the session's role lacks, read from the catalog before any change. */
    Privileges privileges();
}
