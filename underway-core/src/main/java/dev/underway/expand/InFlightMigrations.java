package dev.underway.expand;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.exec.ActionExecutor;
import dev.underway.exec.Database;
import dev.underway.migration.BackfillState;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.HistoryPhase;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationStatus;
import dev.underway.migration.OnlineExecution;
import dev.underway.op.MigrationPlan;
import dev.underway.op.YamlMigration;
import dev.underway.state.BackfillStateTable;
import dev.underway.state.HistoryTable;
import dev.underway.state.InFlight;
import dev.underway.state.OperationsTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the state tables say about declarative migrations: the ones in flight (their status, their plan
 * rebuilt from the recorded file and snapshot, which one a command means) and the history rows phases
 * write. {@link ExpandContract} runs the phases on top of it.
 */
final class InFlightMigrations {
    private final Database db;
    private final HistoryTable history;
    private final OperationsTable operations;
    private final BackfillStateTable backfills;
    private final OnlineExecution online;

    InFlightMigrations(Database db, HistoryTable history, OperationsTable operations, BackfillStateTable backfills,
                       OnlineExecution online) {
        this.db = db;
        this.history = history;
        this.operations = operations;
        this.backfills = backfills;
        this.online = online;
    }

    private String schema() {
        return db.targetSchema();
    }

    List<MigrationStatus> status() {
        try (Connection c = db.open()) {
            List<InFlight> rows = operations.load(c);
            Map<String, BackfillState> recorded = backfills.loadAll(c, rows.stream().flatMap(row -> row.backfills()
                    .stream().map(table -> backfillName(row, table))).toList());
            List<MigrationStatus> out = new ArrayList<>();
            for (InFlight row : rows) {
                MigrationPlan plan = plan(row);
                int total = switch (row.phase()) {
                    case START, STARTED -> plan.start().size();
                    case COMPLETE -> plan.complete(false, List.of()).size();
                    case ROLLBACK -> plan.rollback().size();
                };
                List<MigrationStatus.Backfill> bs = row.backfills().stream().map(table -> Optional.ofNullable(
                        recorded.get(backfillName(row, table))).map(s -> new MigrationStatus.Backfill(table,
                        s.status().text(), s.checkpoint().rowsDone(), s.estimatedRows()))
                        .orElse(new MigrationStatus.Backfill(table, "pending", 0, 0))).toList();
                int done = row.phase() == FlightPhase.STARTED ? total : row.actionsDone();
                out.add(new MigrationStatus(row.version(), row.script(), row.phase(), done, total,
                        row.newSchema(), row.oldSchema(), row.tables(), bs, row.message(), row.startedOn(),
                        row.updatedOn()));
            }
            return out;
        } catch (SQLException e) {
            throw failure(db, "reading the in-flight migrations", e);
        }
    }

    private String backfillName(InFlight row, String table) {
        return PhaseRun.backfillName(schema(), table, row.version());
    }

    /** The history of the target schema (empty before the first run). */
    List<HistoryRow> history() {
        try (Connection c = db.open()) {
            return history.load(c);
        } catch (SQLException e) {
            throw failure(db, "reading the history", e);
        }
    }

    MigrationPlan plan(InFlight row) {
        YamlMigration m = YamlMigration.parse(row.script(), row.yaml());
        return MigrationPlan.of(m, SnapshotJson.read(row.snapshot(), row.version()), row.oldSchema(), db.dialect(),
                online);
    }

    /** The in-flight migration with this version, or the only one when none is given. */
    InFlight resolve(Connection c, String version) throws SQLException {
        List<InFlight> all = operations.load(c);
        String inFlight = all.stream().map(f -> "V" + f.version()).collect(Collectors.joining(", "));
        if (version == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw UnderwayException.of(Reason.NOT_IN_FLIGHT, all.isEmpty() ? "no declarative migration is in flight on"
                    + " schema " + schema() : "several migrations are in flight (" + inFlight + "); name one");
        }
        String wanted = EarlierRuns.normalize(version);
        return all.stream().filter(f -> f.version().equals(wanted)).findFirst()
                .orElseThrow(() -> UnderwayException.of(Reason.NOT_IN_FLIGHT, "V" + wanted + " is not in flight on schema "
                        + schema() + (all.isEmpty() ? "" : " (in flight: " + inFlight + ")")));
    }

    void forget(Connection c, InFlight row) throws SQLException {
        operations.delete(c, row.version());
        for (String table : row.backfills()) {
            backfills.delete(c, backfillName(row, table));
        }
    }

    HistoryRow historyRow(InFlight row, HistoryPhase phase, boolean success, int actions, long ms, ActionExecutor exec) {
        return new HistoryRow(0, dev.underway.migration.MigrationVersion.parse(row.version()), row.description(),
                HistoryRow.TYPE_YAML, row.script(), row.checksum(), db.user(), null, ms, success,
                UUID.randomUUID().toString(), actions, null, phase, exec.retries(), exec.lockWaitMs());
    }

    /** Where an in-flight migration stands, for messages. */
    static String describe(InFlight row) {
        return switch (row.phase()) {
            case START -> "its start stopped after " + row.actionsDone() + " actions";
            case STARTED -> "started";
            case COMPLETE -> "its complete stopped after " + row.actionsDone() + " actions";
            default -> "its rollback stopped after " + row.actionsDone() + " actions";
        };
    }

    static UnderwayException failure(Database db, String doing, SQLException e) {
        return UnderwayException.of(Reason.DATABASE_ERROR, "database error while " + doing + " on " + db.settings().redactedUrl() + ": "
                + db.settings().describe(e), e);
    }
}
