package dev.underway.state;

import dev.underway.dialect.ColumnType;
import dev.underway.dialect.Dialect;
import dev.underway.migration.BackfillCheckpoint;
import dev.underway.migration.BackfillState;
import dev.underway.migration.BackfillStatus;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.StoredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backfill state table ({@code underway.backfills}): one row per named backfill with its
 * checkpoint, written in the same transaction as each batch, and the pause flag that other
 * sessions set.
 */
public final class BackfillStateTable {
    private static final List<StateTables.Column> COLUMNS = List.of(
            new StateTables.Column("name", ColumnType.NAME, true),
            new StateTables.Column("target_schema", ColumnType.NAME, true),
            new StateTables.Column("table_name", ColumnType.NAME, true),
            new StateTables.Column("change_sql", ColumnType.LONG_TEXT, true),
            new StateTables.Column("predicate", ColumnType.LONG_TEXT, false),
            new StateTables.Column("status", ColumnType.NAME, true),
            new StateTables.Column("pass", ColumnType.INT, true),
            new StateTables.Column("target_name", ColumnType.NAME, false),
            new StateTables.Column("last_key", ColumnType.LONG_TEXT, false),
            new StateTables.Column("rows_done", ColumnType.BIGINT, true),
            new StateTables.Column("rows_changed", ColumnType.BIGINT, true),
            new StateTables.Column("batches", ColumnType.BIGINT, true),
            new StateTables.Column("estimated_rows", ColumnType.BIGINT, true),
            new StateTables.Column("paused", ColumnType.BOOLEAN, true),
            new StateTables.Column("message", ColumnType.LONG_TEXT, false),
            new StateTables.Column("started_on", ColumnType.TIMESTAMP_NOW, false),
            new StateTables.Column("updated_on", ColumnType.TIMESTAMP_NOW, false));

    private final Dialect dialect;
    private final QualifiedName table;
    private final String q;

    public BackfillStateTable(Dialect dialect, QualifiedName table) {
        this.dialect = dialect;
        this.table = table;
        this.q = table.render(dialect);
    }

    public QualifiedName name() {
        return table;
    }

    public void create(Connection c) throws SQLException {
        StateTables.create(c, dialect, table, COLUMNS, "name");
    }

    public Optional<BackfillState> load(Connection c, String name) throws SQLException {
        if (!dialect.schemas().tableExists(c, table)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + StateTables.names(COLUMNS) + " FROM " + q
                + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The recorded backfills among {@code names}, by name, in one query; empty before the table exists. */
    public Map<String, BackfillState> loadAll(Connection c, Collection<String> names) throws SQLException {
        Map<String, BackfillState> out = new LinkedHashMap<>();
        if (names.isEmpty() || !dialect.schemas().tableExists(c, table)) {
            return out;
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + StateTables.names(COLUMNS) + " FROM " + q
                + " WHERE name IN (" + String.join(", ", Collections.nCopies(distinct.size(), "?")) + ")")) {
            for (int i = 0; i < distinct.size(); i++) {
                ps.setString(i + 1, distinct.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BackfillState s = read(rs);
                    out.put(s.name(), s);
                }
            }
        }
        return out;
    }

    private BackfillState read(ResultSet rs) throws SQLException {
        BackfillCheckpoint checkpoint = new BackfillCheckpoint(rs.getInt("pass"), rs.getString("target_name"),
                BackfillCheckpoint.decode(rs.getString("last_key")), rs.getLong("rows_done"), rs.getLong("rows_changed"),
                rs.getLong("batches"));
        return new BackfillState(rs.getString("name"), rs.getString("target_schema"), rs.getString("table_name"),
                rs.getString("change_sql"), rs.getString("predicate"),
                StoredText.read(BackfillStatus.class, table, "status", rs.getString("status")), checkpoint,
                rs.getLong("estimated_rows"), rs.getBoolean("paused"), rs.getString("message"),
                instant(rs.getTimestamp("started_on")), instant(rs.getTimestamp("updated_on")),
                checkpoint.pass() > 0 && dialect.batches().pageRanges().isPresent());
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Starts a backfill afresh: any earlier row of the same name is replaced. */
    public void start(Connection c, BackfillState s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q + " WHERE name = ?")) {
            ps.setString(1, s.name());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q + " (name, target_schema, table_name, change_sql,"
                + " predicate, status, pass, rows_done, rows_changed, batches, estimated_rows, paused)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)")) {
            ps.setString(1, s.name());
            ps.setString(2, s.targetSchema());
            ps.setString(3, s.table());
            ps.setString(4, s.change());
            ps.setString(5, s.predicate());
            ps.setString(6, s.status().text());
            ps.setLong(7, s.estimatedRows());
            ps.setBoolean(8, s.paused());
            ps.executeUpdate();
        }
    }

    /** Saves the checkpoint; call inside the batch's transaction so both commit or neither does. */
    public void save(Connection c, String name, BackfillCheckpoint cp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET pass = ?, target_name = ?, last_key = ?,"
                + " rows_done = ?, rows_changed = ?, batches = ?, updated_on = CURRENT_TIMESTAMP WHERE name = ?")) {
            ps.setInt(1, cp.pass());
            ps.setString(2, cp.target());
            ps.setString(3, BackfillCheckpoint.encode(cp.lastKey()));
            ps.setLong(4, cp.rowsDone());
            ps.setLong(5, cp.rowsChanged());
            ps.setLong(6, cp.batches());
            ps.setString(7, name);
            ps.executeUpdate();
        }
    }

    public void status(Connection c, String name, BackfillStatus status, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET status = ?, message = ?,"
                + " updated_on = CURRENT_TIMESTAMP WHERE name = ?")) {
            ps.setString(1, status.text());
            ps.setString(2, message);
            ps.setString(3, name);
            ps.executeUpdate();
        }
    }

    /** Sets the pause flag; false when no backfill of that name is recorded. */
    public boolean pause(Connection c, String name, boolean paused) throws SQLException {
        if (!dialect.schemas().tableExists(c, table)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET paused = ? WHERE name = ?")) {
            ps.setBoolean(1, paused);
            ps.setString(2, name);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean paused(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT paused FROM " + q + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Forgets a backfill (its migration was rolled back or completed). */
    public void delete(Connection c, String name) throws SQLException {
        if (!dialect.schemas().tableExists(c, table)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q + " WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }
}
