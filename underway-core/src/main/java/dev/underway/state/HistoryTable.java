package dev.underway.state;

import dev.underway.dialect.ColumnType;
import dev.underway.dialect.Dialect;
import dev.underway.migration.HistoryPhase;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.StoredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table: one row per applied migration, per target schema. The DDL comes from the
 * dialect's column types; every value is a bind parameter.
 */
public final class HistoryTable {
    private static final List<StateTables.Column> COLUMNS = List.of(
            new StateTables.Column("installed_rank", ColumnType.IDENTITY, false),
            new StateTables.Column("target_schema", ColumnType.NAME, true),
            new StateTables.Column("version", ColumnType.NAME, false),
            new StateTables.Column("description", ColumnType.NAME, true),
            new StateTables.Column("type", ColumnType.NAME, true),
            new StateTables.Column("script", ColumnType.TEXT, true),
            new StateTables.Column("checksum", ColumnType.INT, false),
            new StateTables.Column("installed_by", ColumnType.NAME, true),
            new StateTables.Column("installed_on", ColumnType.TIMESTAMP_NOW, false),
            new StateTables.Column("execution_ms", ColumnType.BIGINT, true),
            new StateTables.Column("success", ColumnType.BOOLEAN, true),
            new StateTables.Column("deploy_id", ColumnType.NAME, false),
            new StateTables.Column("statements_done", ColumnType.INT, true),
            new StateTables.Column("statements_checksum", ColumnType.INT, false),
            new StateTables.Column("phase", ColumnType.NAME, false),
            new StateTables.Column("retries", ColumnType.INT, true),
            new StateTables.Column("lock_wait_ms", ColumnType.BIGINT, true));

    private static final String SELECT_COLUMNS = StateTables.names(COLUMNS);

    private final Dialect dialect;
    private final QualifiedName table;
    private final String targetSchema;
    private final String q;

    public HistoryTable(Dialect dialect, QualifiedName table, String targetSchema) {
        this.dialect = dialect;
        this.table = table;
        this.targetSchema = targetSchema;
        this.q = table.render(dialect);
    }

    public QualifiedName name() {
        return table;
    }

    public boolean exists(Connection c) throws SQLException {
        return dialect.schemas().tableExists(c, table);
    }

    /** Creates the state schema and table if missing. Call under the migration lock. */
    public void create(Connection c) throws SQLException {
        StateTables.create(c, dialect, table, COLUMNS, "installed_rank");
    }

    /** Rows of this target schema in the order they were installed; empty when the table does not exist. */
    public List<HistoryRow> load(Connection c) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        if (!exists(c)) {
            return rows;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SELECT_COLUMNS + " FROM " + q + " WHERE target_schema = ? ORDER BY installed_rank")) {
            ps.setString(1, targetSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        }
        return rows;
    }

    private HistoryRow read(ResultSet rs) throws SQLException {
        String version = rs.getString("version");
        Timestamp on = rs.getTimestamp("installed_on");
        return new HistoryRow(
                rs.getInt("installed_rank"),
                version == null ? null : MigrationVersion.parse(version),
                rs.getString("description"),
                rs.getString("type"),
                rs.getString("script"),
                (Integer) rs.getObject("checksum", Integer.class),
                rs.getString("installed_by"),
                on == null ? null : on.toInstant(),
                rs.getLong("execution_ms"),
                rs.getBoolean("success"),
                rs.getString("deploy_id"),
                rs.getInt("statements_done"),
                (Integer) rs.getObject("statements_checksum", Integer.class),
                phase(rs.getString("phase")),
                rs.getInt("retries"),
                rs.getLong("lock_wait_ms"));
    }

    private HistoryPhase phase(String text) {
        return text == null ? null : StoredText.read(HistoryPhase.class, table, "phase", text);
    }

    /** Inserts a row and returns its rank. {@code installedOn} is ignored unless the row is imported. */
    public int insert(Connection c, HistoryRow r) throws SQLException {
        boolean withTime = r.installedOn() != null;
        String sql = "INSERT INTO " + q + " (target_schema, version, description, type, script, checksum, installed_by, "
                + "execution_ms, success, deploy_id, statements_done, statements_checksum, phase, retries, lock_wait_ms"
                + (withTime ? ", installed_on" : "") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + (withTime ? ", ?" : "") + ")";
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"installed_rank"})) {
            ps.setString(1, targetSchema);
            ps.setString(2, r.version() == null ? null : r.version().toString());
            ps.setString(3, r.description());
            ps.setString(4, r.type());
            ps.setString(5, r.script());
            setInt(ps, 6, r.checksum());
            ps.setString(7, r.installedBy());
            ps.setLong(8, r.executionMs());
            ps.setBoolean(9, r.success());
            ps.setString(10, r.deployId());
            ps.setInt(11, r.statementsDone());
            setInt(ps, 12, r.statementsChecksum());
            ps.setString(13, r.phase() == null ? null : r.phase().text());
            ps.setInt(14, r.retries());
            ps.setLong(15, r.lockWaitMs());
            if (withTime) {
                ps.setTimestamp(16, Timestamp.from(r.installedOn()));
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    /**
     * Records that {@code done} statements of an attempt have run, with the retries and lock
     * waits it took so far.
     */
    public void recordProgress(Connection c, int rank, int done, int statementsChecksum, int retries, long lockWaitMs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET statements_done = ?, statements_checksum = ?,"
                + " retries = ?, lock_wait_ms = ? WHERE installed_rank = ?")) {
            ps.setInt(1, done);
            ps.setInt(2, statementsChecksum);
            ps.setInt(3, retries);
            ps.setLong(4, lockWaitMs);
            ps.setInt(5, rank);
            ps.executeUpdate();
        }
    }

    /** Marks an attempt as finished and brings its file facts up to date (a resumed file may have been fixed). */
    public void recordSuccess(Connection c, int rank, HistoryRow finished) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET success = ?, checksum = ?, description = ?, "
                + "script = ?, execution_ms = ?, statements_done = ?, statements_checksum = ?, deploy_id = ?, "
                + "retries = ?, lock_wait_ms = ? WHERE installed_rank = ?")) {
            ps.setBoolean(1, true);
            setInt(ps, 2, finished.checksum());
            ps.setString(3, finished.description());
            ps.setString(4, finished.script());
            ps.setLong(5, finished.executionMs());
            ps.setInt(6, finished.statementsDone());
            setInt(ps, 7, finished.statementsChecksum());
            ps.setString(8, finished.deployId());
            ps.setInt(9, finished.retries());
            ps.setLong(10, finished.lockWaitMs());
            ps.setInt(11, rank);
            ps.executeUpdate();
        }
    }

    /** Accepts the current file of an applied migration as the one that ran (repair). */
    public void realign(Connection c, int rank, int checksum, String description) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + q + " SET checksum = ?, description = ? WHERE installed_rank = ?")) {
            ps.setInt(1, checksum);
            ps.setString(2, description);
            ps.setInt(3, rank);
            ps.executeUpdate();
        }
    }

    /** A rolled-back declarative migration no longer counts as applied; its rows stay for the record. */
    public void markRolledBack(Connection c, MigrationVersion version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET success = ?, phase = ? WHERE target_schema = ?"
                + " AND version = ? AND type = ?")) {
            ps.setBoolean(1, false);
            ps.setString(2, HistoryPhase.ROLLED_BACK.text());
            ps.setString(3, targetSchema);
            ps.setString(4, version.toString());
            ps.setString(5, HistoryRow.TYPE_YAML);
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, int rank) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q + " WHERE installed_rank = ?")) {
            ps.setInt(1, rank);
            ps.executeUpdate();
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
