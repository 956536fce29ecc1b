package dev.underway.dialect;

import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Schemas (PostgreSQL) or databases (MySQL): which one a session uses, and creating them. */
public interface Schemas {
    /** The schema unqualified names resolve to in this session. */
    String current(Connection c) throws SQLException;

    /** Makes {@code schema} the session's default for unqualified names. */
    void use(Connection c, String schema) throws SQLException;

    /**
     * What {@link #use} changes in this session (PostgreSQL: the search_path; MySQL: the default database), to give
     * back to {@link #restoreSession} before a borrowed connection goes back to its pool.
     */
    String saveSession(Connection c) throws SQLException;

    /** Sets back what {@link #saveSession} returned. */
    void restoreSession(Connection c, String saved) throws SQLException;

    void createIfMissing(Connection c, String schema) throws SQLException;

    /** Drops the schema (MySQL: the database) and everything in it. */
    void dropIfExists(Connection c, String schema) throws SQLException;

    default boolean exists(Connection c, String schema) throws SQLException {
        return queryExists(c, "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", schema);
    }

    default boolean tableExists(Connection c, QualifiedName table) throws SQLException {
        return queryExists(c, "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                table.schema(), table.name());
    }

    /** The base tables of {@code schema}, as the catalog names them. */
    default List<String> baseTables(Connection c, String schema) throws SQLException {
        return strings(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
                schema);
    }

    /** The columns of a table or view, as the catalog names them; empty when there is no such relation. */
    default Set<String> columnNames(Connection c, QualifiedName relation) throws SQLException {
        return new LinkedHashSet<>(strings(c, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?", relation.schema(), relation.name()));
    }

    private static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static boolean queryExists(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
