package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.QualifiedName;
import dev.underway.observe.MigrationListener;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * baseline: adopt a database that was built without Underway. Either mark a version as the
 * starting point (migrations up to it are ignored), or import Flyway's history so every
 * migration Flyway applied counts as applied (Underway computes the same checksums).
 */
public final class Baseline {
    public static final String DESCRIPTION = "<< Underway Baseline >>";

    private final Workspace w;
    private final MigrationListener listener;

    public Baseline(Workspace w, MigrationListener listener) {
        this.w = w;
        this.listener = listener;
    }

    /** Records {@code version} as the baseline; returns the row. */
    public HistoryRow atVersion(MigrationVersion version, String description) {
        return withEmptyHistory(c -> {
            HistoryRow row = new HistoryRow(0, version, description == null ? DESCRIPTION : description,
                    HistoryRow.TYPE_BASELINE, DESCRIPTION, null, w.db().user(), null, 0, true,
                    UUID.randomUUID().toString(), 0, null, null, 0, 0);
            w.history().insert(c, row);
            return List.of(row);
        }).get(0);
    }

    /** Copies the successful rows of Flyway's history table; returns the imported rows. */
    public List<HistoryRow> fromFlyway(String flywayTable) {
        return withEmptyHistory(c -> {
            List<HistoryRow> rows = readFlyway(c, new QualifiedName(w.db().targetSchema(), flywayTable));
            for (HistoryRow r : rows) {
                w.history().insert(c, r);
            }
            return rows;
        });
    }

    private interface Work {
        List<HistoryRow> run(Connection c) throws SQLException;
    }

    private List<HistoryRow> withEmptyHistory(Work work) {
        try (MigrationLock lock = w.lock(listener); Connection c = w.db().open()) {
            PrivilegeCheck.of("baseline", w.db()).stateTable(w.history().name(), "SELECT", "INSERT").require(c);
            w.history().create(c);
            int existing = w.history().load(c).size();
            if (existing > 0) {
                throw UnderwayException.of(Reason.HISTORY_MISMATCH, "cannot baseline " + w.db().targetSchema() + ": its history in "
                        + w.history().name() + " already has " + existing + " row(s). Baseline is for databases"
                        + " Underway has never migrated; use info to see what is applied");
            }
            c.setAutoCommit(false);
            try {
                List<HistoryRow> rows = work.run(c);
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw w.failure("writing the baseline", e);
        }
    }

    private List<HistoryRow> readFlyway(Connection c, QualifiedName table) throws SQLException {
        if (!w.db().dialect().schemas().tableExists(c, table)) {
            throw UnderwayException.of(Reason.NO_SUCH_OBJECT, "no Flyway history table " + table + "; " + Setting.either("pass --flyway-table if it has"
                    + " another name, or --schema for the schema Flyway migrated", "pass its name to baselineFromFlyway(String)"
                    + " if it has another name, or set schema(String) to the schema Flyway migrated"));
        }
        List<HistoryRow> rows = new ArrayList<>();
        Set<String> undone = new HashSet<>();
        String sql = "SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
                + " execution_time, success FROM " + table.render(w.db().dialect()) + " ORDER BY installed_rank";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString("type");
                String version = rs.getString("version");
                if ("SCHEMA".equals(type)) {
                    continue;
                }
                if ("DELETE".equals(type) || type.startsWith("UNDO")) {
                    undone.add(version);
                    continue;
                }
                if (!rs.getBoolean("success")) {
                    throw UnderwayException.of(Reason.HISTORY_MISMATCH, "Flyway's history has a failed migration (version " + version
                            + ", " + rs.getString("script") + "); run flyway repair (or fix it) before importing");
                }
                Timestamp on = rs.getTimestamp("installed_on");
                rows.add(new HistoryRow(0, version == null ? null : MigrationVersion.parse(version),
                        rs.getString("description"), type.equals("SQL") || type.equals("BASELINE") ? type : "FLYWAY_" + type,
                        rs.getString("script"), (Integer) rs.getObject("checksum", Integer.class),
                        rs.getString("installed_by"), on == null ? null : on.toInstant(), rs.getLong("execution_time"),
                        true, "flyway-import", 0, null, null, 0, 0));
            }
        }
        rows.removeIf(r -> r.version() != null && undone.contains(r.version().toString()));
        return rows;
    }
}
