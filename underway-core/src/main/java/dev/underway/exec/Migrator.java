package dev.underway.exec;

import dev.underway.ErrorCode;
import dev.underway.UnderwayException;
import dev.underway.config.UnderwayConfig;
import dev.underway.lint.MigrationGate;
import dev.underway.observe.MigrationListener;
import dev.underway.plan.ExecutionMode;
import dev.underway.plan.HistoryRow;
import dev.underway.plan.MigrationStates;
import dev.underway.plan.MigrationVersion;
import dev.underway.plan.PendingMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * migrate: take the lock, make sure the state tables exist, validate, plan every pending
 * migration (refusing bad ones before anything runs), then execute them in order.
 */
public final class Migrator {
    private final UnderwayConfig config;
    private final MigrationListener listener;

    public Migrator(UnderwayConfig config, MigrationListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** The plan only: no lock, nothing created or applied. */
    public MigratePlan plan() {
        Workspace w = Workspace.open(config);
        try (Connection c = w.db().open()) {
            return new MigratePlan(w.db().dialect().describe(), w.db().targetSchema(), planned(w, w.states(c)));
        } catch (SQLException e) {
            throw w.failure("reading the history", e);
        }
    }

    public MigrateResult migrate() {
        Workspace w = Workspace.open(config);
        if (w.dir().versioned().isEmpty() && w.dir().repeatable().isEmpty()) {
            return noMigrations(w);
        }
        try (MigrationLock lock = w.lock(listener);
             ExecutionSession session = new ExecutionSession(w.db(), w.db().open(), lock::isHeld, listener);
             BlockerWatch watch = new BlockerWatch(w.db())) {
            Connection c = session.connection();
            PrivilegeCheck.of("migrate", w.db()).targetSchema()
                    .stateTable(w.history().name(), "SELECT", "INSERT", "UPDATE").require(c);
            w.db().ensureTargetSchema(c);
            w.history().create(c);
            List<PlannedMigration> plan = planned(w, w.states(c));
            if (!plan.isEmpty()) {
                listener.migrating(w.db().dialect().describe(), w.db().targetSchema(), plan.size());
            }
            MigrationExecutor executor = new MigrationExecutor(w.db(), w.history(), listener,
                    UUID.randomUUID().toString(), session, watch, config.online());
            List<AppliedMigration> applied = new ArrayList<>();
            for (PlannedMigration p : plan) {
                // Each file starts in the target schema, as each psql -f does: pg_dump's files empty the search_path.
                w.db().ensureTargetSchema(session.connection());
                try {
                    applied.add(executor.apply(p));
                } catch (MigrationExecutor.StatementFailed e) {
                    throw new UnderwayException(e.code(), e.getMessage() + "\n" + aftermath(p, e, applied.size()), e);
                }
            }
            return new MigrateResult(w.db().dialect().describe(), w.db().targetSchema(), applied,
                    currentVersion(w.history().load(session.connection())), List.of());
        } catch (SQLException e) {
            throw w.failure("migrating", e);
        }
    }

    /**
     * An empty directory is most likely the wrong --dir: say so, and create nothing (no target schema, no state
     * tables) on the way.
     */
    private MigrateResult noMigrations(Workspace w) {
        List<String> ignored = w.dir().ignoredFiles();
        String warning = "no migrations found in " + w.dir().root() + (ignored.isEmpty() ? ""
                : " (" + ignored.size() + " .sql file(s) there are not named V<version>__<description>.sql or"
                + " R__<description>.sql: " + String.join(", ", ignored.subList(0, Math.min(3, ignored.size())))
                + (ignored.size() > 3 ? ", ..." : "") + ")") + "; nothing was applied or created";
        try (Connection c = w.db().open()) {
            return new MigrateResult(w.db().dialect().describe(), w.db().targetSchema(), List.of(),
                    currentVersion(w.history().load(c)), List.of(), List.of(warning));
        } catch (SQLException e) {
            throw w.failure("reading the history", e);
        }
    }

    /**
     * Decides every pending migration's mode and plans its statements up front, so a bad file
     * is refused before anything runs.
     */
    private List<PlannedMigration> planned(Workspace w, MigrationStates states) {
        w.throwIfInvalid(states);
        List<ExecutionMode> modes = new ArrayList<>();
        for (PendingMigration p : states.pending()) {
            modes.add(ExecutionMode.of(p.script(), w.db().dialect().transactions()));
        }
        MigrationGate.Result gate = MigrationGate.check(w.db().dialect(), w.dir(), states.pending(), w.config().unsafe());
        StatementPlanner planner = new StatementPlanner(w.db().dialect(), config.online());
        List<PlannedMigration> plan = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            PendingMigration p = states.pending().get(i);
            plan.add(new PlannedMigration(p, modes.get(i), planner.plan(p.script(), gate.statementsOf(p.script()))));
        }
        listener.lintFindings(gate.findings());
        return plan;
    }

    private static String aftermath(PlannedMigration p, MigrationExecutor.StatementFailed e, int appliedBefore) {
        String before = appliedBefore == 0 ? "" : " The " + appliedBefore + " migration(s) applied before it in this run stay applied.";
        int index = e.statement().index();
        int total = p.pending().script().sql().statements().size();
        if (p.mode() == ExecutionMode.TRANSACTIONAL) {
            return p.pending().label() + " was rolled back: none of its statements were applied." + before
                    + (e.code() == ErrorCode.INTERRUPTED ? " Run migrate again to apply it." : "");
        }
        String next = e.statementAtFault() ? " Fix the failing statement (line " + e.statement().line() + ") and run"
                + " migrate again" : " Run migrate again";
        return index + " of " + total + " statements of " + p.pending().label() + " are applied and recorded." + next
                + ": it resumes at statement " + (index + 1) + "." + before;
    }

    /** The highest successfully applied version, or null. */
    public static MigrationVersion currentVersion(List<HistoryRow> rows) {
        MigrationVersion v = null;
        for (HistoryRow r : rows) {
            if (r.success() && r.isVersioned() && (v == null || r.version().compareTo(v) > 0)) {
                v = r.version();
            }
        }
        return v;
    }
}
