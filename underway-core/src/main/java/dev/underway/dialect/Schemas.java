package dev.underway.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
