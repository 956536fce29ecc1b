package dev.underway.dialect.postgres;

import dev.underway.Durations;
import dev.underway.dialect.SessionLocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** Session-level advisory locks ({@code pg_try_advisory_lock}), keyed by a hash of the name. */
final class PostgresSessionLocks implements SessionLocks {

    @Override
    public boolean tryLock(Connection c, String name) throws SQLException {
        return call(c, "SELECT pg_try_advisory_lock(?)", name);
    }

    @Override
    public void unlock(Connection c, String name) throws SQLException {
        call(c, "SELECT pg_advisory_unlock(?)", name);
    }

    @Override
    public Optional<String> holder(Connection c, String name) throws SQLException {
        long key = key(name);
        try (PreparedStatement ps = c.prepareStatement("SELECT l.pid, a.usename, a.application_name, a.client_addr::text,"
                + " to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),"
                + " (extract(epoch FROM clock_timestamp() - a.backend_start) * 1000)::bigint, a.state,"
                + " (extract(epoch FROM clock_timestamp() - a.state_change) * 1000)::bigint"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String state = rs.getString(7);
                return Optional.of("pid " + rs.getInt(1) + ", user " + rs.getString(2) + ", application '"
                        + rs.getString(3) + "'" + (rs.getString(4) == null ? "" : " from " + rs.getString(4))
                        + ", connected since " + rs.getString(5) + " UTC (" + ago(rs.getLong(6)) + " ago)"
                        + (state == null ? "" : ", " + state + " for " + ago(rs.getLong(8))));
            }
        }
    }

    private static String ago(long millis) {
        return Durations.approximate(Duration.ofMillis(millis));
    }

    private static boolean call(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The first 8 bytes of the name's SHA-256: stable across runs and JVMs. */
    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
