package dev.underway.dialect.postgres;

import dev.underway.dialect.SessionProbe;
import dev.underway.report.PgLock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pg_locks of the session's own backend (locks are held to the end of the transaction, so none of
 * a statement's is missed when read right after it), pg_locks of a waiting backend from another
 * session, relfilenodes from pg_class, and sequential scans from pg_stat_xact_user_tables.
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

    /** A user relation of any kind: a new {@code relfilenode} after a statement means its data was written anew. */
    public record Relation(long oid, String name, char kind, long relfilenode) {
    }

    /** Every user relation (tables, indexes, sequences, views, ...) with its kind and storage file number. */
    public static List<Relation> relations(Connection c) throws SQLException {
        List<Relation> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.oid, c.relname, c.relkind,"
                + " c.relfilenode FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" + USER_RELATIONS)) {
            while (rs.next()) {
                out.add(new Relation(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0), rs.getLong(4)));
            }
        }
        return out;
    }

    /** Sequential scans per user table within the current transaction ({@code pg_stat_xact_user_tables}). */
    public static Map<String, Long> sequentialScans(Connection c) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relname, seq_scan FROM pg_stat_xact_user_tables")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }

    /**
     * Takes SHARE UPDATE EXCLUSIVE on {@code table} in the transaction open on {@code c}: a statement that needs
     * that lock or a stronger one queues behind it, so its request can be seen in pg_locks.
     */
    public static void holdShareUpdateExclusive(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + PostgresQuoting.quote(table) + " IN SHARE UPDATE EXCLUSIVE MODE");
        }
    }

    @Override
    public List<Storage> storage(Connection c, String schema) throws SQLException {
        return relations(c).stream().filter(r -> "rmi".indexOf(r.kind()) >= 0)
                .map(r -> new Storage(r.oid(), r.name(), r.kind() == 'i', r.relfilenode())).toList();
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
