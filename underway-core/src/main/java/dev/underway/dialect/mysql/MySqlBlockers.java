package dev.underway.dialect.mysql;

import dev.underway.dialect.Blockers;
import dev.underway.migration.Blocker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * MySQL/MariaDB: the processlist and {@code information_schema.INNODB_TRX}. Where
 * {@code performance_schema.metadata_locks} is on (MySQL 8 by default; MariaDB 10.5+ with
 * {@code performance_schema=ON} and the {@code wait/lock/metadata/sql/mdl} instrument), the
 * sessions holding a granted metadata lock on the object Underway's statement waits for are
 * the blockers, for certain. Without it (or when it shows none: a row-lock wait) the server
 * cannot say who holds the lock, so the candidates are the sessions that already had a
 * transaction open, or were already running a query, when Underway's statement began to wait;
 * they are reported as possibly blocking.
 */
final class MySqlBlockers implements Blockers {
    /** An idle session shows as Killed (not Sleep) after KILL QUERY, until it sends its next statement. */
    private static final Set<String> IDLE_COMMANDS = Set.of("Sleep", "Killed");
    /** Milliseconds a processlist entry has been in its state (MariaDB has TIME_MS; MySQL only whole seconds). */
    private final String stateMillis;

    MySqlBlockers(String stateMillis) {
        this.stateMillis = stateMillis;
    }

    @Override
    public long sessionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public List<Blocker> blocking(Connection c, long waiting) throws SQLException {
        long waitedMs = waitingForLockMillis(c, waiting);
        List<Blocker> blockers = new ArrayList<>();
        if (waitedMs < 0) {
            return blockers;
        }
        List<Long> holders = metadataLockHolders(c, waiting);
        String sessions = "SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.STATE, p.INFO, " + stateMillis
                + ", TIMESTAMPDIFF(MICROSECOND, x.trx_started, NOW(6)) DIV 1000, CAST(x.trx_started AS CHAR)"
                + " FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX x"
                + " ON x.trx_mysql_thread_id = p.ID WHERE p.ID <> ? AND p.ID <> CONNECTION_ID() AND ";
        String order = " ORDER BY x.trx_started, p.ID";
        if (!holders.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sessions + "p.ID IN ("
                    + String.join(", ", Collections.nCopies(holders.size(), "?")) + ")" + order)) {
                ps.setLong(1, waiting);
                for (int i = 0; i < holders.size(); i++) {
                    ps.setLong(i + 2, holders.get(i));
                }
                readAll(ps, blockers, true);
            }
            if (!blockers.isEmpty()) {
                return blockers;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sessions + "p.COMMAND NOT IN ('Daemon', 'Binlog Dump')"
                + " AND COALESCE(p.STATE, '') NOT LIKE 'Waiting for%'"
                + " AND (TIMESTAMPDIFF(MICROSECOND, x.trx_started, NOW(6)) DIV 1000 >= ?"
                + " OR (p.COMMAND = 'Query' AND " + stateMillis + " >= ?))" + order)) {
            ps.setLong(1, waiting);
            ps.setLong(2, waitedMs);
            ps.setLong(3, waitedMs);
            readAll(ps, blockers, false);
        }
        return blockers;
    }

    private static void readAll(PreparedStatement ps, List<Blocker> into, boolean certain) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(read(rs, certain));
            }
        }
    }

    /**
     * The connections that hold a granted metadata lock, incompatible with the request, on an object
     * session {@code waiting} has a pending metadata lock request for, by
     * {@code performance_schema.metadata_locks}; empty when that view is off, not readable, or shows
     * no such holder.
     */
    private static List<Long> metadataLockHolders(Connection c, long waiting) throws SQLException {
        List<Long> holders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ht.PROCESSLIST_ID, w.LOCK_TYPE, h.LOCK_TYPE"
                + " FROM performance_schema.metadata_locks w"
                + " JOIN performance_schema.threads wt ON wt.THREAD_ID = w.OWNER_THREAD_ID"
                + " JOIN performance_schema.metadata_locks h ON h.OBJECT_TYPE = w.OBJECT_TYPE"
                + " AND h.OBJECT_SCHEMA <=> w.OBJECT_SCHEMA AND h.OBJECT_NAME <=> w.OBJECT_NAME"
                + " AND h.LOCK_STATUS = 'GRANTED' AND h.OWNER_THREAD_ID <> w.OWNER_THREAD_ID"
                + " JOIN performance_schema.threads ht ON ht.THREAD_ID = h.OWNER_THREAD_ID"
                + " WHERE w.LOCK_STATUS = 'PENDING' AND wt.PROCESSLIST_ID = ? AND ht.PROCESSLIST_ID IS NOT NULL"
                + " ORDER BY ht.PROCESSLIST_ID")) {
            ps.setLong(1, waiting);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!known(rs.getString(2)) || !known(rs.getString(3))) {
                        // A lock type outside the matrix (MariaDB's BACKUP_* namespace): no certain answer.
                        return List.of();
                    }
                    if (!compatible(rs.getString(2), rs.getString(3)) && !holders.contains(id)) {
                        holders.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            // No performance_schema tables (42S02) or no SELECT on them (42000): fall back to the candidates.
            if (!"42000".equals(e.getSQLState()) && !"42S02".equals(e.getSQLState())) {
                throw e;
            }
        }
        return holders;
    }

    /** Object lock types in the order of the server's compatibility matrix (sql/mdl.cc). */
    private static final List<String> TYPES = List.of("SHARED", "SHARED_HIGH_PRIO", "SHARED_READ", "SHARED_WRITE",
            "SHARED_WRITE_LOW_PRIO", "SHARED_UPGRADABLE", "SHARED_READ_ONLY", "SHARED_NO_WRITE",
            "SHARED_NO_READ_WRITE", "EXCLUSIVE");
    /** Row: the requested type; column: the granted type; '+' where both may be held at once. */
    private static final List<String> MATRIX = List.of(
            "+++++++++-", "+++++++++-", "++++++++--", "++++++----", "++++++----",
            "+++++-+---", "+++--+++--", "+++---+---", "++--------", "----------");

    static boolean known(String type) {
        return "INTENTION_EXCLUSIVE".equals(type) || TYPES.contains(type);
    }

    /** Whether a request of type {@code requested} can be granted next to a granted {@code granted}. */
    static boolean compatible(String requested, String granted) {
        if ("INTENTION_EXCLUSIVE".equals(requested) || "INTENTION_EXCLUSIVE".equals(granted)) {
            // Scoped locks (schema, global): intention locks go together, and with nothing else.
            return "INTENTION_EXCLUSIVE".equals(requested) && "INTENTION_EXCLUSIVE".equals(granted);
        }
        int r = TYPES.indexOf(requested);
        int g = TYPES.indexOf(granted);
        return r >= 0 && g >= 0 && MATRIX.get(r).charAt(g) == '+';
    }

    /** How long session {@code id} has been waiting for a lock, or -1 when it is not waiting. */
    private long waitingForLockMillis(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.STATE, " + stateMillis
                + " FROM information_schema.PROCESSLIST p WHERE p.ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null || !rs.getString(1).matches("Waiting for .*lock.*")) {
                    return -1;
                }
                return rs.getLong(2);
            }
        }
    }

    private static Blocker read(ResultSet rs, boolean certain) throws SQLException {
        String command = rs.getString(4);
        String trxStart = rs.getString(9);
        boolean idleInTransaction = IDLE_COMMANDS.contains(command) && rs.getString(6) == null && trxStart != null;
        String state = idleInTransaction ? "Sleep with an open transaction"
                : command + (rs.getString(5) == null || rs.getString(5).isEmpty() ? "" : " (" + rs.getString(5) + ")");
        long trxMs = rs.getLong(8);
        Duration trxAge = rs.wasNull() ? null : Duration.ofMillis(trxMs);
        String host = rs.getString(3);
        return new Blocker(rs.getLong(1), "connection " + rs.getLong(1), rs.getString(2),
                host == null || host.isEmpty() ? null : "host " + host, state, idleInTransaction, trxAge,
                Duration.ofMillis(rs.getLong(7)), rs.getString(6), trxStart, certain);
    }

    @Override
    public boolean cancel(Connection c, Blocker b) throws SQLException {
        return kill(c, "KILL QUERY ", b);
    }

    @Override
    public boolean terminate(Connection c, Blocker b) throws SQLException {
        return kill(c, "KILL CONNECTION ", b);
    }

    /** KILL takes no parameters and cannot be conditional: check first, then kill (the window is milliseconds). */
    private static boolean kill(Connection c, String kill, Blocker b) throws SQLException {
        if (b.transactionStart() == null) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.PROCESSLIST p"
                + " JOIN information_schema.INNODB_TRX x ON x.trx_mysql_thread_id = p.ID"
                + " WHERE p.ID = ? AND p.COMMAND IN ('Sleep', 'Killed') AND p.INFO IS NULL"
                + " AND CAST(x.trx_started AS CHAR) = ?")) {
            ps.setLong(1, b.id());
            ps.setString(2, b.transactionStart());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(kill + b.id());
            return true;
        }
    }
}
