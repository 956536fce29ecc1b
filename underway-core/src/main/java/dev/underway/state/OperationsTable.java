package dev.underway.state;

import dev.underway.dialect.ColumnType;
import dev.underway.dialect.Dialect;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.StoredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code underway.operations}: the in-flight expand/contract migrations of each target schema,
 * with the phase each is in and how many of that phase's actions are done. A row lives from
 * the first action of start until complete or rollback finishes.
 */
public final class OperationsTable {
    private static final List<StateTables.Column> COLUMNS = List.of(
            new StateTables.Column("target_schema", ColumnType.NAME, true),
            new StateTables.Column("version", ColumnType.NAME, true),
            new StateTables.Column("script", ColumnType.TEXT, true),
            new StateTables.Column("description", ColumnType.NAME, true),
            new StateTables.Column("checksum", ColumnType.INT, true),
            new StateTables.Column("phase", ColumnType.NAME, true),
            new StateTables.Column("actions_done", ColumnType.INT, true),
            new StateTables.Column("new_schema", ColumnType.NAME, true),
            new StateTables.Column("old_schema", ColumnType.NAME, true),
            new StateTables.Column("tables", ColumnType.LONG_TEXT, true),
            new StateTables.Column("referenced", ColumnType.LONG_TEXT, true),
            new StateTables.Column("backfills", ColumnType.LONG_TEXT, true),
            new StateTables.Column("yaml", ColumnType.LONG_TEXT, true),
            new StateTables.Column("snapshot", ColumnType.LONG_TEXT, true),
            new StateTables.Column("message", ColumnType.LONG_TEXT, false),
            new StateTables.Column("started_on", ColumnType.TIMESTAMP_NOW, false),
            new StateTables.Column("updated_on", ColumnType.TIMESTAMP_NOW, false));
    /** Names never contain a newline, so lists are stored one name per line. */
    private static final String SEPARATOR = "\n";

    private final Dialect dialect;
    private final QualifiedName table;
    private final String targetSchema;
    private final String q;

    public OperationsTable(Dialect dialect, QualifiedName table, String targetSchema) {
        this.dialect = dialect;
        this.table = table;
        this.targetSchema = targetSchema;
        this.q = table.render(dialect);
    }

    public void create(Connection c) throws SQLException {
        StateTables.create(c, dialect, table, COLUMNS, "target_schema, version");
    }

    /** Every in-flight migration of the target schema, oldest first; empty when the table does not exist. */
    public List<InFlight> load(Connection c) throws SQLException {
        List<InFlight> out = new ArrayList<>();
        if (!dialect.schemas().tableExists(c, table)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + StateTables.names(COLUMNS) + " FROM " + q
                + " WHERE target_schema = ? ORDER BY started_on, version")) {
            ps.setString(1, targetSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    public Optional<InFlight> find(Connection c, String version) throws SQLException {
        return load(c).stream().filter(f -> f.version().equals(version)).findFirst();
    }

    private InFlight read(ResultSet rs) throws SQLException {
        return new InFlight(rs.getString("version"), rs.getString("script"), rs.getString("description"),
                rs.getInt("checksum"), StoredText.read(FlightPhase.class, table, "phase", rs.getString("phase")),
                rs.getInt("actions_done"), rs.getString("new_schema"),
                rs.getString("old_schema"), list(rs.getString("tables")), list(rs.getString("referenced")),
                list(rs.getString("backfills")), rs.getString("yaml"), rs.getString("snapshot"), rs.getString("message"),
                instant(rs.getTimestamp("started_on")), instant(rs.getTimestamp("updated_on")));
    }

    public void insert(Connection c, InFlight f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q + " (target_schema, version, script,"
                + " description, checksum, phase, actions_done, new_schema, old_schema, tables, referenced, backfills,"
                + " yaml, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, targetSchema);
            ps.setString(2, f.version());
            ps.setString(3, f.script());
            ps.setString(4, f.description());
            ps.setInt(5, f.checksum());
            ps.setString(6, f.phase().text());
            ps.setInt(7, f.actionsDone());
            ps.setString(8, f.newSchema());
            ps.setString(9, f.oldSchema());
            ps.setString(10, String.join(SEPARATOR, f.tables()));
            ps.setString(11, String.join(SEPARATOR, f.referenced()));
            ps.setString(12, String.join(SEPARATOR, f.backfills()));
            ps.setString(13, f.yaml());
            ps.setString(14, f.snapshot());
            ps.executeUpdate();
        }
    }

    /** Records that {@code done} actions of {@code phase} are finished (and clears the last failure message). */
    public void progress(Connection c, String version, FlightPhase phase, int done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET phase = ?, actions_done = ?, message = NULL,"
                + " updated_on = CURRENT_TIMESTAMP WHERE target_schema = ? AND version = ?")) {
            ps.setString(1, phase.text());
            ps.setInt(2, done);
            ps.setString(3, targetSchema);
            ps.setString(4, version);
            ps.executeUpdate();
        }
    }

    /** Why the current phase stopped, for status. */
    public void message(Connection c, String version, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + " SET message = ?, updated_on = CURRENT_TIMESTAMP"
                + " WHERE target_schema = ? AND version = ?")) {
            ps.setString(1, message);
            ps.setString(2, targetSchema);
            ps.setString(3, version);
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q + " WHERE target_schema = ? AND version = ?")) {
            ps.setString(1, targetSchema);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    private static List<String> list(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(SEPARATOR));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
