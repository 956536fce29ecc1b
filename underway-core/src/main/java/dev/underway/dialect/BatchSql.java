package dev.underway.dialect;

import dev.underway.migration.TableColumn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine-specific pieces of a batched data change: key-range conditions, binding key
 * values, null-safe comparison and the session settings a batch runs under.
 */
public interface BatchSql {

    /**
     * A condition with {@code ?} placeholders; {@code keyIndexes[i]} is the key component bound at
     * placeholder {@code i}.
     */
    record Condition(String sql, List<Integer> keyIndexes) {
    }

    /** {@code key > (v1, v2, ...)} in key order, written so that the engine uses the key's index. */
    Condition keyAfter(List<TableColumn> key);

    /** {@code key <= (v1, v2, ...)}. */
    Condition keyAtMost(List<TableColumn> key);

    /** {@code key IN ((v1, v2), ...)} for {@code count} keys. */
    Condition keyIn(List<TableColumn> key, int count);

    /**
     * The engine can read a table by ranges of physical pages without an index (PostgreSQL 14+
     * TID range scans): a sequential read, much cheaper than a walk in key order over a table full
     * of the old row versions a sweep leaves behind.
     */
    default Optional<PageRanges> pageRanges() {
        return Optional.empty();
    }

    /** Reading a table by page ranges. */
    interface PageRanges {
        /** A condition selecting the rows on pages {@code [?, ?)}; bind both with {@link #bind}. */
        String condition();

        void bind(PreparedStatement ps, int index, long page) throws SQLException;

        /** The table's size in pages now. */
        long pages(Connection c, String renderedTable) throws SQLException;

        /** A token that changes when the table is rewritten (VACUUM FULL, CLUSTER): then page positions mean nothing. */
        long storage(Connection c, String renderedTable) throws SQLException;
    }

    /** True when {@code column} equals {@code expression}, NULLs counting as equal to each other. */
    String sameValue(String quotedColumn, String expression);

    void bind(PreparedStatement ps, int index, TableColumn column, String value) throws SQLException;

    /** A key value as text that {@link #bind} accepts back. */
    String read(ResultSet rs, int index, TableColumn column) throws SQLException;

    /**
     * Opens a READ ONLY transaction on an autocommit session, with a statement timeout, for a query a user gave
     * (a backfill's {@code --throttle-query}): whatever it tries to change, the server refuses. {@link #endReadOnly}
     * ends it.
     */
    void beginReadOnly(Connection c, Duration statementTimeout) throws SQLException;

    /** Rolls the read-only transaction back and gives the session its own statement timeout again. */
    void endReadOnly(Connection c) throws SQLException;

    /**
     * Session settings for batches: READ COMMITTED (so a batch sees and recomputes from the latest
     * committed row), a short lock wait and a statement timeout.
     */
    void prepareSession(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException;
}
