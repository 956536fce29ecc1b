package dev.underway.dialect.mysql;

import dev.underway.dialect.Blocker;
import dev.underway.dialect.Blockers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MySQL/MariaDB: the processlist and {@code information_schema.INNODB_TRX}. Without a
 * metadata-lock view (MariaDB's METADATA_LOCK_INFO plugin, performance_schema.metadata_locks)
 * the server cannot say which session holds a table's metadata lock, so the candidates are the
 * sessions that already had a transaction open, or were already running a query, when
 * Underway's statement began to wait; they are reported as possibly blocking.
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
        try (PreparedStatement ps = c.prepareStatement("SELECT p.ID, p.USER, p.HOST, p.COMMAND, p.STATE, p.INFO, "
                + stateMillis + ", TIMESTAMPDIFF(MICROSECOND, x.trx_started, NOW(6)) DIV 1000, CAST(x.trx_started AS CHAR)"
                + " FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX x"
                + " ON x.trx_mysql_thread_id = p.ID"
                + " WHERE p.ID <> ? AND p.ID <> CONNECTION_ID() AND p.COMMAND NOT IN ('Daemon', 'Binlog Dump')"
                + " AND COALESCE(p.STATE, '') NOT LIKE 'Waiting for%'"
                + " AND (TIMESTAMPDIFF(MICROSECOND, x.trx_started, NOW(6)) DIV 1000 >= ?"
                + " OR (p.COMMAND = 'Query' AND " + stateMillis + " >= ?))"
                + " ORDER BY x.trx_started, p.ID")) {
            ps.setLong(1, waiting);
            ps.setLong(2, waitedMs);
            ps.setLong(3, waitedMs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blockers.add(read(rs));
                }
            }
        }
        return blockers;
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

    private static Blocker read(ResultSet rs) throws SQLException {
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
                Duration.ofMillis(rs.getLong(7)), rs.getString(6), trxStart, false);
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
