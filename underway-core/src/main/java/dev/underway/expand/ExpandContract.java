package dev.underway.expand;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.config.UnderwayConfig;
import dev.underway.dialect.DatabaseKind;
import dev.underway.exec.ActionExecutor;
import dev.underway.exec.Database;
import dev.underway.exec.MigrationLock;
import dev.underway.migration.Action;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.HistoryPhase;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationStatus;
import dev.underway.migration.Phase;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PhaseResult;
import dev.underway.migration.Stage;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import dev.underway.op.DependentObjects;
import dev.underway.op.MigrationPlan;
import dev.underway.op.Names;
import dev.underway.op.SchemaSnapshot;
import dev.underway.op.SqlOperationGate;
import dev.underway.op.YamlMigration;
import dev.underway.state.BackfillStateTable;
import dev.underway.state.HistoryTable;
import dev.underway.state.InFlight;
import dev.underway.state.OperationsTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * start, complete, rollback and status of declarative (YAML) migrations on PostgreSQL. Every
 * command takes migrate's lock; start records the migration (its file and the schema snapshot)
 * before its first action, and each phase records its progress action by action, so a killed
 * run is finished by running the same command again. Several migrations may be in flight when
 * they change different tables.
 */
public final class ExpandContract {
    private final UnderwayConfig config;
    private final MigrationListener listener;
    private final PhaseListener phases;
    private final BackfillListener backfillListener;
    private final Database db;
    private final HistoryTable history;
    private final OperationsTable operations;
    private final BackfillStateTable backfills;
    private final EarlierRuns earlier;
    private final InFlightMigrations tracked;

    public ExpandContract(UnderwayConfig config, MigrationListener listener, PhaseListener phases,
                          BackfillListener backfillListener) {
        this.config = config;
        this.listener = listener;
        this.phases = phases;
        this.backfillListener = backfillListener;
        this.db = Database.connect(config.connection(), config.schema(), config.state(), config.audience());
        if (db.dialect().kind() != DatabaseKind.POSTGRESQL) {
            throw UnderwayException.of(Reason.UNSUPPORTED, "declarative (YAML) migrations need PostgreSQL: they keep two versions of the"
                    + " schema alive with views and triggers; " + db.dialect().describe() + " is not supported");
        }
        this.history = new HistoryTable(db.dialect(), db.state().history(), db.targetSchema());
        this.operations = new OperationsTable(db.dialect(), db.state().table("operations"), db.targetSchema());
        this.backfills = new BackfillStateTable(db.dialect(), db.state().table("backfills"));
        this.earlier = new EarlierRuns(history, schema());
        this.tracked = new InFlightMigrations(db, history, operations, backfills, config.online());
    }

    private String schema() {
        return db.targetSchema();
    }

    // ---- start

    /** The actions start would run; takes no lock and changes nothing. */
    public PhasePlan planStart(YamlMigration m) {
        try (Connection c = db.open()) {
            List<InFlight> inFlight = operations.load(c);
            Optional<InFlight> mine = inFlight.stream().filter(f -> f.version().equals(version(m))).findFirst();
            Optional<String> done = earlier.startDone(c, m, mine);
            if (done.isPresent()) {
                String newSchema = mine.map(InFlight::newSchema).orElse(Names.versionSchema(schema(), version(m)));
                return new PhasePlan(version(m), m.script(), Phase.START.label(), newSchema,
                        mine.map(InFlight::oldSchema).orElse(null), mine.map(InFlight::tables).orElse(List.of()),
                        List.of(), 0, List.of(done.get() + "; a run has nothing to do"));
            }
            if (mine.isPresent()) {
                InFlight row = resumableStart(m, mine.get());
                return new PhasePlan(row.version(), row.script(), Phase.START.label(), row.newSchema(), row.oldSchema(),
                        row.tables(), tracked.plan(row).start(), row.actionsDone());
            }
            MigrationPlan plan = fresh(c, m, inFlight);
            DependentObjects dependents = StartChecks.dependents(c, m, plan, versionSchemaNames(c));
            List<String> notes = new ArrayList<>(dependents.notes());
            if (!dependents.isEmpty()) {
                notes.add("before anything is created, start re-creates " + dependents.names() + " on the new"
                        + " columns in a subtransaction it rolls back, so that the database refuses now what complete"
                        + " could not do");
            }
            return new PhasePlan(version(m), m.script(), Phase.START.label(), plan.newSchema(), plan.oldSchema(),
                    List.copyOf(plan.touchedTables()), plan.start(), 0, notes);
        } catch (SQLException e) {
            throw failure("planning the start of " + m.label(), e);
        }
    }

    public PhaseResult start(YamlMigration m) {
        SqlOperationGate.check(m, db.dialect(), config.unsafe());
        try (MigrationLock lock = lock()) {
            return start(m, lock);
        }
    }

    /**
     * start under the migration lock the caller holds (migrate holds one for its whole run, SQL migrations and
     * phases alike) and releases; the caller's lint gate judged the migration's {@code sql} operations.
     */
    public PhaseResult start(YamlMigration m, MigrationLock lock) {
        long t0 = System.nanoTime();
        try (ActionExecutor exec = new ActionExecutor(db, lock, config.online(), listener)) {
            Connection c = exec.connection();
            requirePrivileges(c, m);
            db.ensureTargetSchema(c);
            history.create(c);
            operations.create(c);
            backfills.create(c);
            List<InFlight> inFlight = operations.load(c);
            Optional<InFlight> mine = inFlight.stream().filter(f -> f.version().equals(version(m))).findFirst();
            Optional<String> done = earlier.startDone(c, m, mine);
            if (done.isPresent()) {
                return PhaseResult.alreadyDone(version(m), Phase.START, mine.map(InFlight::newSchema)
                        .orElse(Names.versionSchema(schema(), version(m))), mine.map(InFlight::oldSchema).orElse(null),
                        mine.map(f -> tracked.plan(f).start().size()).orElse(0), done.get());
            }
            PhaseRun run = new PhaseRun(config, schema(), exec, operations, phases, backfillListener);
            InFlight row;
            if (mine.isPresent()) {
                row = resumableStart(m, mine.get());
            } else {
                MigrationPlan plan = fresh(c, m, inFlight);
                DependentObjects dependents = StartChecks.dependents(c, m, plan, versionSchemaNames(c));
                if (!dependents.isEmpty()) {
                    StartChecks.checkRecreation(run, m, dependents);
                }
                row = new InFlight(version(m), m.script(), m.description(), m.checksum(), FlightPhase.START, 0,
                        plan.newSchema(), plan.oldSchema(), List.copyOf(plan.touchedTables()),
                        List.copyOf(plan.referencedTables()), plan.backfillTables(), m.text(),
                        SnapshotJson.write(plan.snapshot()), null, null, null);
                operations.insert(c, row);
            }
            MigrationPlan plan = tracked.plan(row);
            List<Action> actions = plan.start();
            run.run(m, FlightPhase.START, actions, row.actionsDone());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            finish(exec, c2 -> {
                history.insert(c2, tracked.historyRow(row, HistoryPhase.START, true, actions.size(), ms, exec));
                operations.progress(c2, row.version(), FlightPhase.STARTED, 0);
            });
            return new PhaseResult(row.version(), Phase.START, row.newSchema(), row.oldSchema(), actions.size(),
                    row.actionsDone(), run.backfills, exec.retries(), exec.lockWaitMs(), ms);
        } catch (SQLException e) {
            throw failure("starting " + m.label(), e);
        }
    }

    /** Before start's first change; a migration that cannot be planned is refused by start itself, below. */
    private void requirePrivileges(Connection c, YamlMigration m) throws SQLException {
        PhasePlan plan;
        try {
            plan = planStart(m);
        } catch (UnderwayException e) {
            return;
        }
        PhasePrivileges.require(db, c, plan, history);
    }

    /** An interrupted start of the same file resumes; anything else is refused. */
    private InFlight resumableStart(YamlMigration m, InFlight row) {
        if (row.phase() != FlightPhase.START) {
            boolean changed = row.checksum() != m.checksum();
            String message = m.label() + " is already in flight (" + InFlightMigrations.describe(row) + ")"
                    + (changed ? ", started from a different " + m.script() : "") + "; "
                    + (row.phase() == FlightPhase.STARTED ? "complete it or roll it back"
                    : "run " + row.phase() + " again to finish it");
            throw UnderwayException.of(changed ? Reason.CHECKSUM_CHANGED : Reason.ALREADY_IN_FLIGHT, message).at(m.script(), null);
        }
        if (row.checksum() != m.checksum()) {
            throw UnderwayException.of(Reason.CHECKSUM_CHANGED, m.script() + " changed since its start was interrupted (" + row.actionsDone()
                    + " actions done); restore the file as it was to resume, or roll back V" + row.version());
        }
        return row;
    }

    /** Plans a migration that is not in flight yet, refusing it when applied or in conflict with one in flight. */
    private MigrationPlan fresh(Connection c, YamlMigration m, List<InFlight> inFlight) throws SQLException {
        for (HistoryRow r : history.load(c)) {
            if (r.success() && m.version().equals(r.version())) {
                throw UnderwayException.of(Reason.ALREADY_APPLIED, m.label() + " is already applied (" + r.script() + ", "
                        + (r.isYaml() ? "expand/contract " + r.phase() : r.type()) + " on " + r.installedOn() + ")");
            }
        }
        SchemaSnapshot before = CatalogReader.read(c, schema());
        String old = VersionSchemas.oldSchemaFor(c, schema(), inFlight.stream().map(InFlight::newSchema).toList());
        MigrationPlan plan = MigrationPlan.of(m, before, old, db.dialect(), config.online());
        StartChecks.refuseConflicts(m, plan, inFlight);
        StartChecks.checkExpressions(c, m, plan);
        if (VersionSchemas.existing(c, schema()).stream().anyMatch(f -> f.name().equals(plan.newSchema()))
                || db.dialect().schemas().exists(c, plan.newSchema())) {
            throw UnderwayException.of(Reason.CONFLICT, "schema " + plan.newSchema() + " already exists; " + m.label() + " would create"
                    + " it as its version schema. Drop or rename it, or give the migration another version");
        }
        return plan;
    }

    private Set<String> versionSchemaNames(Connection c) throws SQLException {
        return VersionSchemas.existing(c, schema()).stream().map(VersionSchemas.Found::name)
                .collect(Collectors.toSet());
    }

    // ---- complete and rollback

    /** What an in-flight phase will run, planned under the lock (or without it, for a dry run). */
    private record Prepared(YamlMigration migration, FlightPhase state, List<Action> actions, int resumeAt,
                            List<String> notes) {
    }

    private interface Preparation {
        Prepared prepare(Connection c, InFlight row) throws SQLException;
    }

    public PhasePlan planComplete(String version) {
        return planInFlight(version, Phase.COMPLETE, this::completion);
    }

    public PhaseResult complete(String version) {
        try (MigrationLock lock = lock()) {
            return complete(version, lock);
        }
    }

    /** complete under the migration lock the caller holds and releases (see {@link #start(YamlMigration, MigrationLock)}). */
    public PhaseResult complete(String version, MigrationLock lock) {
        return runInFlight(version, Phase.COMPLETE, this::completion, lock);
    }

    public PhasePlan planRollback(String version) {
        return planInFlight(version, Phase.ROLLBACK, this::undo);
    }

    public PhaseResult rollback(String version) {
        try (MigrationLock lock = lock()) {
            return runInFlight(version, Phase.ROLLBACK, this::undo, lock);
        }
    }

    private PhasePlan planInFlight(String version, Phase phase, Preparation preparation) {
        try (Connection c = db.open()) {
            Optional<String> done = earlier.phaseDone(c, version, phase, operations.load(c));
            if (done.isPresent()) {
                return new PhasePlan(earlier.version(c, version), null, phase.label(), null, null, List.of(), List.of(),
                        0, List.of(done.get() + "; a run has nothing to do"));
            }
            InFlight row = tracked.resolve(c, version);
            Prepared p = preparation.prepare(c, row);
            return new PhasePlan(row.version(), row.script(), phase.label(), row.newSchema(), row.oldSchema(),
                    row.tables(), p.actions(), p.resumeAt(), p.notes());
        } catch (SQLException e) {
            throw failure("planning the " + phase.label() + " of V" + version, e);
        }
    }

    private PhaseResult runInFlight(String version, Phase phase, Preparation preparation, MigrationLock lock) {
        long t0 = System.nanoTime();
        try (ActionExecutor exec = new ActionExecutor(db, lock, config.online(), listener)) {
            Connection c = exec.connection();
            Optional<String> done = earlier.phaseDone(c, version, phase, operations.load(c));
            if (done.isPresent()) {
                String v = earlier.version(c, version);
                return PhaseResult.alreadyDone(v, phase, Names.versionSchema(schema(), v), null, 0, done.get());
            }
            InFlight row = tracked.resolve(c, version);
            Prepared p = preparation.prepare(c, row);
            PhasePrivileges.require(db, c, new PhasePlan(row.version(), row.script(), phase.label(), row.newSchema(),
                    row.oldSchema(), row.tables(), p.actions(), p.resumeAt()), history);
            if (row.phase() != p.state()) {
                operations.progress(c, row.version(), p.state(), 0);
            }
            PhaseRun run = new PhaseRun(config, schema(), exec, operations, phases, backfillListener);
            if (phase == Phase.ROLLBACK) {
                rewindFailedChecks(c, run, row);
            }
            run.run(p.migration(), p.state(), p.actions(), p.resumeAt());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            finish(exec, c2 -> {
                if (phase == Phase.ROLLBACK) {
                    history.markRolledBack(c2, p.migration().version());
                }
                history.insert(c2, tracked.historyRow(row, phase.history(), phase != Phase.ROLLBACK, p.actions().size(), ms, exec));
                tracked.forget(c2, row);
            });
            return new PhaseResult(row.version(), phase, row.newSchema(), row.oldSchema(), p.actions().size(),
                    p.resumeAt(), List.of(), exec.retries(), exec.lockWaitMs(), ms);
        } catch (SQLException e) {
            throw failure(phase.label() + " of V" + version, e);
        }
    }

    private Prepared completion(Connection c, InFlight row) throws SQLException {
        if (row.phase() == FlightPhase.START || row.phase() == FlightPhase.ROLLBACK) {
            throw UnderwayException.of(Reason.WRONG_PHASE, "V" + row.version() + " cannot be completed: " + InFlightMigrations.describe(row) + "; run "
                    + row.phase() + " again to finish it" + (row.phase() == FlightPhase.START ? ", or roll it back" : ""));
        }
        List<InFlight> others = operations.load(c).stream().filter(o -> !o.version().equals(row.version())).toList();
        boolean dropOld = !row.oldSchema().equals(schema())
                && others.stream().noneMatch(o -> o.oldSchema().equals(row.oldSchema()));
        List<String> kept = VersionSchemas.existing(c, schema()).stream().map(VersionSchemas.Found::name)
                .filter(n -> !n.equals(row.newSchema()) && !(dropOld && n.equals(row.oldSchema()))).sorted().toList();
        MigrationPlan plan = tracked.plan(row);
        int resumeAt = row.phase() == FlightPhase.COMPLETE ? row.actionsDone() : 0;
        DependentObjects dependents = DependentObjects.NONE;
        // Once the contract committed, the old columns' dependents are re-created: nothing left to look for.
        if (resumeAt <= validations(plan)) {
            List<DependentObjects.Dropped> dropped = new ArrayList<>(plan.droppedAtComplete());
            if (dropOld) {
                dropped.add(DependentObjects.Dropped.schema(row.oldSchema(), "the old version's schema"));
            }
            dependents = DependentObjects.atComplete(c, dropped, plan.renamedAtComplete(), versionSchemaNames(c),
                    "complete");
            dependents.refuseBlocked("complete of V" + row.version());
        }
        return new Prepared(plan.migration(), FlightPhase.COMPLETE, plan.complete(dropOld, kept, dependents), resumeAt,
                dependents.notes());
    }

    private static int validations(MigrationPlan plan) {
        return (int) plan.complete(false, List.of()).stream().takeWhile(a -> a.stage() == Stage.VALIDATE).count();
    }

    private Prepared undo(Connection c, InFlight row) throws SQLException {
        refuseRollbackAfterContract(row);
        MigrationPlan plan = tracked.plan(row);
        List<DependentObjects.Dropped> dropped = new ArrayList<>(plan.droppedAtRollback());
        dropped.add(DependentObjects.Dropped.schema(row.newSchema(), "start created it"));
        DependentObjects.atRollback(c, dropped, versionSchemaNames(c))
                .refuseBlocked("rollback of V" + row.version());
        return new Prepared(plan.migration(), FlightPhase.ROLLBACK, plan.rollback(),
                row.phase() == FlightPhase.ROLLBACK ? row.actionsDone() : 0, List.of());
    }

    /**
     * A failed check of rollback leaves nothing behind (see {@link PhaseRun}); the migration then goes back to
     * where it was before the rollback: started (so complete works again), or its interrupted start.
     */
    private void rewindFailedChecks(Connection c, PhaseRun run, InFlight row) throws SQLException {
        FlightPhase phase;
        int done;
        if (row.phase() == FlightPhase.START || row.phase() == FlightPhase.STARTED) {
            phase = row.phase();
            done = row.actionsDone();
        } else {
            phase = earlier.startFinished(c, row.version()) ? FlightPhase.STARTED : FlightPhase.ROLLBACK;
            done = 0;
        }
        String state = switch (phase) {
            case STARTED -> "set the migration back to started (complete it, or roll it back later)";
            case START -> "set the migration back to its interrupted start (" + done + " actions done)";
            default -> "set the rollback back to its first action";
        };
        run.rewindingTo(c2 -> operations.progress(c2, row.version(), phase, done), state);
    }

    /** Once complete's contract committed, the old shape is gone: there is nothing to roll back to. */
    private void refuseRollbackAfterContract(InFlight row) {
        if (row.phase() == FlightPhase.COMPLETE) {
            if (row.actionsDone() > validations(tracked.plan(row))) {
                throw UnderwayException.of(Reason.WRONG_PHASE, "V" + row.version() + " cannot be rolled back: its complete already"
                        + " removed the old shape (" + InFlightMigrations.describe(row) + "); run complete again to finish it");
            }
        }
    }

    // ---- status and history

    public List<MigrationStatus> status() {
        return tracked.status();
    }

    /** The history of the target schema (empty before the first run). */
    public List<HistoryRow> history() {
        return tracked.history();
    }

    private interface Finish {
        void run(Connection c) throws SQLException;
    }

    /** The phase's last records, in one transaction: history and in-flight state never disagree. */
    private static void finish(ActionExecutor exec, Finish work) {
        exec.record(c -> {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private static String version(YamlMigration m) {
        return m.version().toString();
    }

    private MigrationLock lock() {
        return MigrationLock.acquire(db, "underway:" + history.name() + ":" + schema(), config.lockWait(), listener);
    }

    private UnderwayException failure(String doing, SQLException e) {
        return InFlightMigrations.failure(db, doing, e);
    }
}
