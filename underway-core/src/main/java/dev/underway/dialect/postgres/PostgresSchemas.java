package dev.underway.dialect.postgres;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.Schemas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL schemas; the session's target schema goes first on its {@code search_path}. */
final class PostgresSchemas implements Schemas {
    private final Dialect dialect;

    PostgresSchemas(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            return schema == null ? "public" : schema;
        }
    }

    @Override
    public String saveSession(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void restoreSession(Connection c, String saved) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            ps.setString(1, saved);
            ps.execute();
        }
    }

    /** Puts {@code schema} first on the search_path, once: using it again (before each migration) does not repeat it. */
    @Override
    public void use(Connection c, String schema) throws SQLException {
        String original = saveSession(c);
        List<String> rest = new ArrayList<>();
        for (String entry : original.split(",")) {
            String e = entry.strip();
            String name = e.length() > 1 && e.startsWith("\"") && e.endsWith("\"")
                    ? e.substring(1, e.length() - 1).replace("\"\"", "\"") : e;
            if (!e.isEmpty() && !name.equals(schema)) {
                rest.add(e);
            }
        }
        restoreSession(c, dialect.quote(schema) + (rest.isEmpty() ? "" : ", " + String.join(", ", rest)));
    }

    @Override
    public void createIfMissing(Connection c, String schema) throws SQLException {
        if (!exists(c, schema)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
            }
        }
    }

    @Override
    public void dropIfExists(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + dialect.quote(schema) + " CASCADE");
        }
    }
}
