package dev.underway.exec;

import dev.underway.ErrorCode;
import dev.underway.config.UnderwayConfig;
import dev.underway.lint.LintInput;
import dev.underway.lint.MigrationGate;
import dev.underway.migration.AppliedMigration;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigratePlan;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.PlannedMigration;
import dev.underway.observe.MigrationListener;
import dev.underway.plan.ExecutionModes;
import dev.underway.plan.MigrationStates;

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
        return new MigratePlan(w.db().dialect().describe(), w.db().targetSchema(), List.copyOf(plan(w, List.of())));
    }

    /**
     * The SQL migrations a run would apply, planned without a lock; the lint gate also judges {@code more} (the
     * {@code sql} operations of declarative migrations the run starts) and refuses before anything is applied.
     */
    public List<PlannedMigration> plan(Workspace w, List<LintInput> more) {
        try (Connection c = w.db().open()) {
            return planned(w, w.states(c), more);
        } catch (SQLException e) {
            throw w.failure("reading the history", e);
        }
    }

    public MigrateResult migrate() {
        Workspace w = Workspace.open(config);
        if (w.dir().versioned().isEmpty() && w.dir().repeatable().isEmpty()) {
            return noMigrations(w);
        }
        try (MigrationLock lock = w.lock(listener); Run run = open(w, lock, List.of())) {
            if (!run.plan().isEmpty()) {
                listener.migrating(w.db().dialect().describe(), w.db().targetSchema(), run.plan().size());
            }
            List<AppliedMigration> applied = new ArrayList<>();
            for (PlannedMigration p : run.plan()) {
                applied.add(run.apply(p, applied.size()));
            }
            return run.result(applied, List.of());
        }
    }

    /**
     * Starts the SQL part of a run under {@code lock}, which the caller holds for the whole run and releases: checks
     * privileges, creates the target schema and the history table, and plans every pending SQL migration (the lint
     * gate judging {@code more} too), refusing bad ones before anything runs.
     */
    public Run open(Workspace w, MigrationLock lock, List<LintInput> more) {
        ExecutionSession session = null;
        BlockerWatch watch = null;
        try {
            session = new ExecutionSession(w.db(), w.db().open(), lock::isHeld, listener);
            watch = new BlockerWatch(w.db());
            Connection c = session.connection();
            PrivilegeCheck.of("migrate", w.db()).targetSchema()
                    .stateTable(w.history().name(), "SELECT", "INSERT", "UPDATE").require(c);
            w.db().ensureTargetSchema(c);
            w.history().create(c);
            List<PlannedMigration> plan = planned(w, w.states(c), more);
            MigrationExecutor executor = new MigrationExecutor(w.db(), w.history(), listener,
                    UUID.randomUUID().toString(), session, watch, config.online());
            return new Run(w, session, watch, executor, plan);
        } catch (SQLException | RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            if (session != null) {
                session.close();
            }
            throw e instanceof SQLException q ? w.failure("migrating", q) : (RuntimeException) e;
        }
    }

    /** The SQL migrations of one run, applied one by one on one session while the caller holds the migration lock. */
    public static final class Run implements AutoCloseable {
        private final Workspace w;
        private final ExecutionSession session;
        private final BlockerWatch watch;
        private final MigrationExecutor executor;
        private final List<PlannedMigration> plan;

        private Run(Workspace w, ExecutionSession session, BlockerWatch watch, MigrationExecutor executor,
                    List<PlannedMigration> plan) {
            this.w = w;
            this.session = session;
            this.watch = watch;
            this.executor = executor;
            this.plan = List.copyOf(plan);
        }

        /** Every pending SQL migration, in the order migrate applies them. */
        public List<PlannedMigration> plan() {
            return plan;
        }

        /** @param appliedBefore how many migrations this run applied before it, for the message if it fails */
        public AppliedMigration apply(PlannedMigration p, int appliedBefore) {
            // Each file starts in the target schema, as each psql -f does: pg_dump's files empty the search_path.
            try {
                w.db().ensureTargetSchema(session.connection());
            } catch (SQLException e) {
                throw w.failure("migrating", e);
            }
            try {
                return executor.apply(p);
            } catch (MigrationExecutor.StatementFailed e) {
                throw e.withMore("\n" + aftermath(p, e, appliedBefore));
            }
        }

        public MigrateResult result(List<AppliedMigration> applied, List<String> waiting) {
            try {
                return new MigrateResult(w.db().dialect().describe(), w.db().targetSchema(), applied,
                        currentVersion(w.history().load(session.connection())), waiting);
            } catch (SQLException e) {
                throw w.failure("migrating", e);
            }
        }

        @Override
        public void close() {
            watch.close();
            session.close();
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
    private List<PlannedMigration> planned(Workspace w, MigrationStates states, List<LintInput> more) {
        w.throwIfInvalid(states);
        List<ExecutionMode> modes = new ArrayList<>();
        for (PendingMigration p : states.pending()) {
            modes.add(ExecutionModes.of(p.script(), w.db().dialect().transactions()));
        }
        MigrationGate.Result gate = MigrationGate.check(w.db().dialect(), w.dir(), states.pending(), more,
                w.config().unsafe());
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
