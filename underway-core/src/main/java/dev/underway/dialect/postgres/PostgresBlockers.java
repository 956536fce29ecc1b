package dev.underway.dialect.postgres;

import dev.underway.dialect.Blockers;
import dev.underway.migration.Blocker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code pg_blocking_pids} joined with {@code pg_stat_activity}; {@code pg_cancel_backend} / {@code pg_terminate_backend}. */
final class PostgresBlockers implements Blockers {
    private static final String IDLE_IN_SAME_TRANSACTION = " FROM pg_stat_activity WHERE pid = ?"
            + " AND state IN ('idle in transaction', 'idle in transaction (aborted)') AND xact_start::text = ?";

    @Override
    public long sessionId(Connection c) throws SQLException {
        return PostgresSessionProbe.backendPid(c);
    }

    @Override
    public List<Blocker> blocking(Connection c, long waiting) throws SQLException {
        List<Blocker> blockers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pid, usename, application_name, client_addr::text, state,"
                + " (extract(epoch FROM clock_timestamp() - xact_start) * 1000)::bigint,"
                + " (extract(epoch FROM clock_timestamp() - query_start) * 1000)::bigint, left(query, 200), xact_start::text"
                + " FROM pg_stat_activity WHERE pid = ANY (pg_blocking_pids(?)) ORDER BY xact_start, pid")) {
            ps.setInt(1, (int) waiting);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blockers.add(read(rs));
                }
            }
        }
        return blockers;
    }

    private static Blocker read(ResultSet rs) throws SQLException {
        String app = rs.getString(3);
        String addr = rs.getString(4);
        String state = rs.getString(5);
        String client = (app == null || app.isEmpty() ? "" : "application '" + app + "'")
                + (addr == null ? "" : (app == null || app.isEmpty() ? "" : " ") + "from " + addr);
        return new Blocker(rs.getLong(1), "pid " + rs.getLong(1), rs.getString(2), client, state,
                state != null && state.startsWith("idle in transaction"), millis(rs, 6), millis(rs, 7),
                rs.getString(8), rs.getString(9), true);
    }

    private static Duration millis(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(ms);
    }

    @Override
    public boolean cancel(Connection c, Blocker b) throws SQLException {
        return signal(c, "pg_cancel_backend", b);
    }

    @Override
    public boolean terminate(Connection c, Blocker b) throws SQLException {
        return signal(c, "pg_terminate_backend", b);
    }

    /** Checks and signals in one statement, so a session that became active in between is left alone. */
    private static boolean signal(Connection c, String function, Blocker b) throws SQLException {
        if (b.transactionStart() == null) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(pid)" + IDLE_IN_SAME_TRANSACTION)) {
            ps.setInt(1, (int) b.id());
            ps.setString(2, b.transactionStart());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
