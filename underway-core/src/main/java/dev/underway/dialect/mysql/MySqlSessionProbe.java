package dev.underway.dialect.mysql;

import dev.underway.dialect.SessionProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * InnoDB table ids (a rebuilt table, by COPY or in place, is a new table with a new id; INSTANT
 * keeps it) and the processlist state of a waiting session. Which metadata lock a DDL statement
 * held cannot be read after it ran (it commits and releases them), so the lock of a statement is
 * the static verdict's.
 */
class MySqlSessionProbe implements SessionProbe {
    private final String innodbTables;

    /** @param innodbTables {@code INNODB_TABLES} (MySQL 8) or {@code INNODB_SYS_TABLES} (MariaDB) */
    MySqlSessionProbe(String innodbTables) {
        this.innodbTables = innodbTables;
    }

    @Override
    public List<Storage> storage(Connection c, String schema) throws SQLException {
        List<Storage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_ID, NAME FROM information_schema." + innodbTables
                + " WHERE NAME LIKE ?")) {
            ps.setString(1, schema.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    out.add(new Storage(rs.getLong(1), name.substring(name.indexOf('/') + 1), false, rs.getLong(1)));
                }
            }
        }
        return out;
    }

    @Override
    public List<Lock> heldBySelf(Connection c) {
        return List.of();
    }

    @Override
    public List<Lock> locksOf(Connection observer, long sessionId) throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement("SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    String state = rs.getString(1);
                    String lower = state.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("waiting for") && lower.contains("lock")) {
                        return List.of(new Lock(0, null, state, false));
                    }
                }
            }
        }
        return List.of();
    }

    @Override
    public boolean observesLocks() {
        return false;
    }
}
