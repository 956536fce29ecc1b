package dev.underway.dialect.mysql;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.Schemas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** MySQL databases, which play the role of schemas. */
final class MySqlSchemas implements Schemas {
    private final Dialect dialect;

    MySqlSchemas(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public String saveSession(Connection c) throws SQLException {
        return current(c);
    }

    /** A session that had no default database keeps the one it was given: MySQL cannot unset it. */
    @Override
    public void restoreSession(Connection c, String saved) throws SQLException {
        if (saved != null) {
            use(c, saved);
        }
    }

    @Override
    public void use(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("USE " + dialect.quote(schema));
        }
    }

    @Override
    public void createIfMissing(Connection c, String schema) throws SQLException {
        if (!exists(c, schema)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS " + dialect.quote(schema));
            }
        }
    }

    @Override
    public void dropIfExists(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dialect.quote(schema));
        }
    }
}
