package dev.underway.dialect.mysql;

import dev.underway.dialect.BatchSql;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.KeyLists;
import dev.underway.migration.TableColumn;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * MySQL and MariaDB do not use an index for row-value inequalities ({@code (a, b) > (x, y)}),
 * so composite key ranges are spelled out: {@code a >= x AND (a > x OR (a = x AND b > y))}.
 * Whole numbers are bound as exact decimals: a number compared with a string would be
 * compared as a double and lose precision above 2^53.
 */
class MySqlBatchSql implements BatchSql {
    private final Dialect dialect;

    MySqlBatchSql(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Condition keyAfter(List<TableColumn> key) {
        return expanded(key, ">=", ">", ">");
    }

    @Override
    public Condition keyAtMost(List<TableColumn> key) {
        return expanded(key, "<=", "<", "<=");
    }

    /**
     * {@code k1 lead v1 AND (k1 strict v1 OR (k1 = v1 AND k2 strict v2) ... OR (k1 = v1 ... AND kn last vn))}.
     */
    private Condition expanded(List<TableColumn> key, String lead, String strict, String last) {
        List<Integer> order = new ArrayList<>();
        String first = dialect.quote(key.get(0).name());
        if (key.size() == 1) {
            return new Condition(first + " " + last + " ?", List.of(0));
        }
        StringBuilder sql = new StringBuilder(first).append(' ').append(lead).append(" ? AND (");
        order.add(0);
        for (int i = 0; i < key.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append('(');
            for (int j = 0; j < i; j++) {
                sql.append(dialect.quote(key.get(j).name())).append(" = ? AND ");
                order.add(j);
            }
            sql.append(dialect.quote(key.get(i).name())).append(' ').append(i == key.size() - 1 ? last : strict).append(" ?)");
            order.add(i);
        }
        return new Condition(sql.append(')').toString(), order);
    }

    @Override
    public Condition keyIn(List<TableColumn> key, int count) {
        return KeyLists.in(key, count, k -> dialect.quote(k.name()), k -> "?");
    }

    @Override
    public String sameValue(String quotedColumn, String expression) {
        return quotedColumn + " <=> (" + expression + ")";
    }

    @Override
    public void bind(PreparedStatement ps, int index, TableColumn column, String value) throws SQLException {
        switch (column.kind()) {
            case INTEGER, DECIMAL -> ps.setBigDecimal(index, new BigDecimal(value));
            case BINARY -> ps.setBytes(index, HexFormat.of().parseHex(value));
            case TEXT -> ps.setString(index, value);
        }
    }

    @Override
    public String read(ResultSet rs, int index, TableColumn column) throws SQLException {
        return column.kind() == TableColumn.KeyKind.BINARY ? HexFormat.of().formatHex(rs.getBytes(index)) : rs.getString(index);
    }

    /** innodb_lock_wait_timeout counts whole seconds, so the shortest lock wait here is one second. */
    @Override
    public void prepareSession(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = " + Math.max(1, (lockTimeout.toMillis() + 999) / 1000));
            setStatementTimeout(s, statementTimeout);
        }
    }

    /** MySQL's max_execution_time limits SELECTs only, so there is nothing to set for an UPDATE. */
    void setStatementTimeout(Statement s, Duration timeout) throws SQLException {
    }

    /** What limits a SELECT: MySQL's max_execution_time (ms); null restores the session's default. */
    void setSelectTimeout(Statement s, Duration timeout) throws SQLException {
        s.execute("SET SESSION max_execution_time = " + (timeout == null ? "DEFAULT" : Long.toString(timeout.toMillis())));
    }

    @Override
    public void beginReadOnly(Connection c, Duration statementTimeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            setSelectTimeout(s, statementTimeout);
            s.execute("START TRANSACTION READ ONLY");
        }
    }

    @Override
    public void endReadOnly(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
            setSelectTimeout(s, null);
        }
    }
}
