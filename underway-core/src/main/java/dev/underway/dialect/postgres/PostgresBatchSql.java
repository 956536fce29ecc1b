package dev.underway.dialect.postgres;

import dev.underway.dialect.BatchSql;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.KeyLists;
import dev.underway.migration.TableColumn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * PostgreSQL compares row values in key order and uses the key's index for it, so composite
 * keys are plain {@code (a, b) > (x, y)}. Key values travel as text and are cast to the
 * column's type, which round-trips every type exactly.
 */
final class PostgresBatchSql implements BatchSql {
    private final Dialect dialect;

    PostgresBatchSql(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Condition keyAfter(List<TableColumn> key) {
        return rowComparison(key, ">");
    }

    @Override
    public Condition keyAtMost(List<TableColumn> key) {
        return rowComparison(key, "<=");
    }

    private Condition rowComparison(List<TableColumn> key, String op) {
        String columns = key.stream().map(k -> dialect.quote(k.name())).collect(Collectors.joining(", "));
        String values = key.stream().map(k -> "CAST(? AS " + k.type() + ")").collect(Collectors.joining(", "));
        String sql = key.size() == 1 ? columns + " " + op + " " + values : "(" + columns + ") " + op + " (" + values + ")";
        return new Condition(sql, IntStream.range(0, key.size()).boxed().toList());
    }

    @Override
    public Condition keyIn(List<TableColumn> key, int count) {
        return KeyLists.in(key, count, k -> dialect.quote(k.name()), k -> "CAST(? AS " + k.type() + ")");
    }

    @Override
    public Optional<PageRanges> pageRanges() {
        return dialect.version().isSameOrAfter(14, 0) ? Optional.of(new PostgresPageRanges()) : Optional.empty();
    }

    @Override
    public String sameValue(String quotedColumn, String expression) {
        return quotedColumn + " IS NOT DISTINCT FROM (" + expression + ")";
    }

    @Override
    public void bind(PreparedStatement ps, int index, TableColumn column, String value) throws SQLException {
        ps.setString(index, value);
    }

    @Override
    public String read(ResultSet rs, int index, TableColumn column) throws SQLException {
        return rs.getString(index);
    }

    @Override
    public void beginReadOnly(Connection c, Duration statementTimeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("START TRANSACTION READ ONLY");
            s.execute("SET LOCAL statement_timeout = '" + statementTimeout.toMillis() + "ms'");
        }
    }

    /** SET LOCAL ends with the transaction. */
    @Override
    public void endReadOnly(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        }
    }

    @Override
    public void prepareSession(Connection c, Duration lockTimeout, Duration statementTimeout) throws SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            s.execute("SET statement_timeout = '" + statementTimeout.toMillis() + "ms'");
        }
    }
}
