package dev.underway.dialect.postgres;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a migration's {@code COPY ... FROM STDIN} with the data rows written after it in the file (pg_dump's
 * output): a plain JDBC statement cannot carry them, so they go through PgJDBC's CopyManager, on the same connection
 * and so inside the migration's transaction.
 */
public final class PostgresCopyIn {
    private PostgresCopyIn() {
    }

    /** Sends {@code sql} and then {@code data}; returns the number of rows the server loaded. */
    public static long run(Connection c, String sql, String data) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
        } catch (IOException e) {
            // A StringReader does not fail; keep the signature honest anyway.
            throw new SQLException("reading the COPY data failed: " + e.getMessage(), e);
        }
    }
}
