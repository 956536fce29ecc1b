package dev.underway.dialect;

import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Filling tables with synthetic rows: reading columns as {@link ColumnProfile}s, binding generated
 * text values, the fastest bulk insert the engine has, and refreshing planner statistics.
 */
public interface DataFill {
    /** Rows to insert, made on demand: {@code row(i)} returns the values of the i-th row (null = SQL NULL). */
    @FunctionalInterface
    interface Rows {
        String[] row(long i);
    }

    List<ColumnProfile> profile(Connection c, QualifiedName table) throws SQLException;

    /** Binds a generated value (the text the server converts to the column's type). */
    void bind(PreparedStatement ps, int index, ColumnProfile column, String value) throws SQLException;

    /** A value read from a row, as text that {@link #bind} accepts back. */
    String text(java.sql.ResultSet rs, int index, ColumnProfile column) throws SQLException;

    /** The text form of a boolean for this engine's columns. */
    String bool(boolean value);

    /** Inserts {@code count} rows into {@code columns} of the table, in the caller's transaction. */
    void insert(Connection c, QualifiedName table, List<ColumnProfile> columns, Rows rows, long count) throws SQLException;

    /** Refreshes the planner's statistics of a table. */
    void analyze(Connection c, QualifiedName table) throws SQLException;
}
