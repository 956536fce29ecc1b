package dev.underway.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the server reports about the statement another session runs right now: its progress
 * where the server measures it (PostgreSQL's {@code pg_stat_progress_*} views, MariaDB's stage
 * and percentage, MySQL's performance_schema stages), otherwise its state or what it waits for.
 * Read from a connection of its own while the statement runs.
 */
public interface StatementProgress {
    /** One line for humans: {@code CREATE INDEX CONCURRENTLY: building index: scanning table, blocks 45 of 100 (45%)}. */
    Optional<String> of(Connection watcher, long session) throws SQLException;

    /** {@code "blocks 45 of 100 (45%)"}; {@code "blocks 45"} when the total is unknown; empty when none are done. */
    static String count(String what, long done, long total) {
        if (total > 0) {
            return what + " " + done + " of " + total + " (" + Math.round(done * 100.0 / total) + "%)";
        }
        return done > 0 ? what + " " + done : "";
    }

    /** Joins the non-empty parts: {@code "phase, blocks 1 of 2 (50%)"}. */
    static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : ", ").append(p);
            }
        }
        return b.toString();
    }

    /** Reads one line from the first row of a query on the session's id. */
    interface Line {
        String read(ResultSet rs) throws SQLException;
    }

    /** The line of the first row {@code sql} returns for {@code session} (its one parameter); empty without a row. */
    static Optional<String> firstRow(Connection c, String sql, long session, Line line) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(line.read(rs)).filter(s -> !s.isBlank()) : Optional.empty();
            }
        }
    }
}
