package dev.underway.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

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

    /** True when {@code column} equals {@code expression}, NULLs counting as equal to each other. */
    String sameValue(String quotedColumn, String expression);

    void bind(PreparedStatement ps, int index, TableColumn column, String value) throws SQLException;

    /** A key value as text that {@link #bind} accepts back. */
    String read(ResultSet rs, int index, TableColumn column) throws SQLException;

    /**
     * Session settings for batches: READ COMMITTED (so a batch sees and recomputes from the latest
     * committed row), a short lock wait and a statement timeout.
     */
    void prepareSession(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException;
}
