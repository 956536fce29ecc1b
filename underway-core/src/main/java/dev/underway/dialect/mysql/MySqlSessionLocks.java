package dev.underway.dialect.mysql;

import dev.underway.Durations;
import dev.underway.dialect.SessionLocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;

/** {@code GET_LOCK}/{@code RELEASE_LOCK}: server-wide named locks held by the session. */
final class MySqlSessionLocks implements SessionLocks {
    private static final int MAX_NAME = 64;

    @Override
    public boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, lockName(name));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public void unlock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName(name));
            ps.execute();
        }
    }

    @Override
    public Optional<String> holder(Connection c, String name) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, lockName(name));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                if (rs.wasNull()) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT USER, HOST, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of("connection " + id);
                }
                String command = rs.getString(3);
                return Optional.of("connection " + id + ", user " + rs.getString(1) + "@" + rs.getString(2)
                        + program(c, id).map(p -> ", application '" + p + "'").orElse("") + ", "
                        + ("Sleep".equals(command) ? "idle" : command) + " for "
                        + Durations.approximate(Duration.ofSeconds(rs.getLong(4))));
            }
        }
    }

    /** The client's {@code program_name} attribute, where performance_schema records connection attributes. */
    private static Optional<String> program(Connection c, long id) {
        try (PreparedStatement ps = c.prepareStatement("SELECT ATTR_VALUE FROM performance_schema.session_connect_attrs"
                + " WHERE PROCESSLIST_ID = ? AND ATTR_NAME = 'program_name'")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Lock names are limited to 64 characters; longer ones keep a readable prefix and a hash. */
    static String lockName(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hash = Long.toHexString(crc.getValue());
        return name.substring(0, MAX_NAME - hash.length() - 1) + "#" + hash;
    }
}
