package dev.underway.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh, empty database on one of the embedded servers, for one test.
 *
 * @param engine "postgresql" or "mariadb"
 * @param name   the database name (PostgreSQL database, MariaDB schema)
 */
public record TestDatabase(String engine, String url, String user, String password, String name) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
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
