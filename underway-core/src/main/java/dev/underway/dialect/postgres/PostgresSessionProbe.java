package dev.underway.dialect.postgres;

import dev.underway.dialect.SessionProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * pg_locks of the session's own backend (locks are held to the end of the transaction, so none of
 * a statement's is missed when read right after it), pg_locks of a waiting backend from another
 * session, and relfilenodes from pg_class.
 */
public final class PostgresSessionProbe implements SessionProbe {
    private static final String USER_RELATIONS = " n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** The backend process id of the session on {@code c}: how pg_locks and pg_stat_activity name it. */
    public static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public List<Storage> storage(Connection c, String schema) throws SQLException {
        List<Storage> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.oid, c.relname, c.relkind,"
                + " c.relfilenode FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'm', 'i') AND" + USER_RELATIONS)) {
            while (rs.next()) {
                out.add(new Storage(rs.getLong(1), rs.getString(2), "i".equals(rs.getString(3)), rs.getLong(4)));
            }
        }
        return out;
    }

    @Override
    public List<Lock> heldBySelf(Connection c) throws SQLException {
        return locks(c, "l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.database = (SELECT oid"
                + " FROM pg_database WHERE datname = current_database())", -1);
    }

    @Override
    public List<Lock> locksOf(Connection observer, long sessionId) throws SQLException {
        return locks(observer, "l.pid = ? AND (NOT l.granted OR l.locktype = 'relation')", sessionId);
    }

    private static List<Lock> locks(Connection c, String where, long pid) throws SQLException {
        List<Lock> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(l.relation::bigint, 0), c.relname, l.locktype,"
                + " l.mode, l.granted FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation"
                + " LEFT JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + where
                + " AND (c.oid IS NULL OR" + USER_RELATIONS + ")")) {
            if (pid >= 0) {
                ps.setLong(1, pid);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean relation = "relation".equals(rs.getString(3));
                    String mode = relation ? PgLock.fromPgLocks(rs.getString(4)).label()
                            : rs.getString(3) + " " + rs.getString(4);
                    out.add(new Lock(rs.getLong(1), rs.getString(2), mode, rs.getBoolean(5)));
                }
            }
        }
        return out;
    }

    @Override
    public boolean observesLocks() {
        return true;
    }

    @Override
    public int strength(String mode) {
        return PgLock.fromLabel(mode).ordinal();
    }
}
