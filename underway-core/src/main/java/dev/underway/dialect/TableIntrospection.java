package dev.underway.dialect;

import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Reads a table's columns, the key to walk it by, its partitions and its size from the catalog. */
public interface TableIntrospection {
    /** The table, or empty when no such base table exists. Names are matched exactly. */
    Optional<TableInfo> table(Connection c, QualifiedName name) throws SQLException;

    /** The planner's estimate of the table's rows (cheap; may be off by tens of percent). */
    long estimateRows(Connection c, QualifiedName table) throws SQLException;
}
