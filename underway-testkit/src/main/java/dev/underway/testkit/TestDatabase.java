package dev.underway.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A fresh, empty database on one of the embedded servers, for one test, with {@link Sql}'s reads and writes on a
 * connection of their own per call.
 *
 * @param engine "postgresql" or "mariadb"
 * @param name   the database name (PostgreSQL database, MariaDB schema)
 */
public record TestDatabase(String engine, String url, String user, String password, String name) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** {@link Sql#exec}: the statements in order, on one connection. */
    public void exec(String... statements) throws SQLException {
        try (Connection c = connect()) {
            Sql.exec(c, statements);
        }
    }

    /** {@link Sql#update}: one statement with bound arguments, its update count. */
    public int update(String sql, Object... args) throws SQLException {
        try (Connection c = connect()) {
            return Sql.update(c, sql, args);
        }
    }

    /** {@link Sql#count}: the first column of the first row as a number. */
    public long count(String sql, Object... args) throws SQLException {
        try (Connection c = connect()) {
            return Sql.count(c, sql, args);
        }
    }

    /** {@link Sql#value}: the first column of the first row as text, {@code null} without a row. */
    public String value(String sql, Object... args) throws SQLException {
        try (Connection c = connect()) {
            return Sql.value(c, sql, args);
        }
    }

    /** {@link Sql#column}: the first column of every row as text. */
    public List<String> column(String sql, Object... args) throws SQLException {
        try (Connection c = connect()) {
            return Sql.column(c, sql, args);
        }
    }

    /** {@link Sql#lines}: every row as text, columns joined with {@code separator}. */
    public List<String> lines(String separator, String sql, Object... args) throws SQLException {
        try (Connection c = connect()) {
            return Sql.lines(c, separator, sql, args);
        }
    }

    /** {@link Sql#rows}: every row as column label to value. */
    public List<Map<String, Object>> rows(String sql, Object... args) throws SQLException {
        try (Connection c = connect()) {
            return Sql.rows(c, sql, args);
        }
    }

    public boolean isPostgres() {
        return engine.equals("postgresql");
    }

    /**
     * One of Underway's own tables where it keeps it for this database by default, for queries: schema
     * {@code underway} on PostgreSQL, inside the database with the prefix {@code underway_} on MariaDB.
     */
    public String stateTable(String table) {
        return isPostgres() ? "underway." + table : "`" + name + "`.underway_" + table;
    }

    /** The same database through a {@code jdbc:mysql:} URL (MariaDB only). */
    public String mysqlUrl() {
        return url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
    }
}
