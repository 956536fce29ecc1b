package dev.underway.expand;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.config.UnderwayConfig;
import dev.underway.exec.MigrationLock;
import dev.underway.exec.Migrator;
import dev.underway.exec.Workspace;
import dev.underway.lint.LintInput;
import dev.underway.migration.AppliedMigration;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigratePlan;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationStatus;
import dev.underway.migration.Phase;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PhaseResult;
import dev.underway.migration.PlanStep;
import dev.underway.migration.PlannedMigration;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import dev.underway.op.SqlOperationGate;
import dev.underway.op.YamlMigration;
import dev.underway.plan.DeclarativeScript;
import dev.underway.plan.MigrationDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * migrate on a directory that also holds declarative migrations: one plan whose steps are the SQL migrations and
 * the phases of the YAML ones (start, and complete with {@code complete}) in one version order, run under one
 * migration lock held for the whole run. Without {@code complete}, the run stops after starting one: what comes
 * after it was written for the completed schema and waits. The lint gate judges every pending SQL migration and
 * {@code sql} operation before anything runs. The dry run ({@link #plan}) is that same plan.
 */
public final class DirectoryMigration {
    private final UnderwayConfig config;
    private final MigrationListener listener;
    private final PhaseListener phases;

    public DirectoryMigration(UnderwayConfig config, MigrationListener listener, PhaseListener phases) {
        this.config = config;
        this.listener = listener;
        this.phases = phases;
    }

    /** One step of the run: a SQL migration ({@code planned}), or a phase of a declarative one ({@code migration}). */
    private record Step(PlannedMigration planned, Phase phase, YamlMigration migration) {
        static Step sql(PlannedMigration p) {
            return new Step(p, null, null);
        }

        static Step of(Phase phase, YamlMigration m) {
            return new Step(null, phase, m);
        }

        String script() {
            return planned != null ? planned.script() : migration.script();
        }
    }

    /** The steps in order, and what waits for a later run (empty unless the run stops after a start). */
    private record Steps(List<Step> steps, List<String> waiting) { }

    /** The declarative migrations still to run, with what the target knows of them. */
    private record Declarative(List<YamlMigration> toRun, List<MigrationStatus> inFlight) { }

    /** The declarative (YAML) migrations of a directory, by version, parsed. */
    public static List<YamlMigration> yaml(MigrationDirectory dir) {
        List<YamlMigration> out = new ArrayList<>();
        for (DeclarativeScript d : dir.declarative()) {
            out.add(YamlMigration.parse(d.script(), MigrationDirectory.readText(d.path(), d.script())));
        }
        return out;
    }

    public MigrateResult migrate(boolean complete) {
        Workspace w = Workspace.open(config);
        List<YamlMigration> yaml = yaml(w.dir());
        if (yaml.isEmpty()) {
            return new Migrator(config, listener).migrate();
        }
        ExpandContract ec = new ExpandContract(config, listener, phases, BackfillListener.NONE);
        try (MigrationLock lock = w.lock(listener)) {
            Declarative d = declarative(ec, yaml);
            try (Migrator.Run sql = new Migrator(config, listener).open(w, lock, gated(w, d))) {
                Steps run = steps(sql.plan(), d, complete);
                long count = run.steps().stream().map(Step::script).distinct().count();
                if (count > 0) {
                    listener.migrating(w.db().dialect().describe(), w.db().targetSchema(), (int) count);
                }
                List<AppliedMigration> applied = new ArrayList<>();
                for (Step s : run.steps()) {
                    if (s.planned() != null) {
                        applied.add(sql.apply(s.planned(), (int) applied.stream().map(AppliedMigration::script)
                                .distinct().count()));
                    } else if (s.phase() == Phase.START) {
                        applied.add(applied(s.migration(), ec.start(s.migration(), lock)));
                    } else {
                        applied.add(applied(s.migration(), ec.complete(s.migration().version().toString(), lock)));
                    }
                }
                return sql.result(applied, run.waiting());
            }
        }
    }

    /** The same plan migrate runs, without a lock and changing nothing. */
    public MigratePlan plan(boolean complete) {
        Workspace w = Workspace.open(config);
        List<YamlMigration> yaml = yaml(w.dir());
        Migrator migrator = new Migrator(config, listener);
        if (yaml.isEmpty()) {
            return migrator.plan();
        }
        ExpandContract ec = new ExpandContract(config, listener, phases, BackfillListener.NONE);
        Declarative d = declarative(ec, yaml);
        Steps run = steps(migrator.plan(w, gated(w, d)), d, complete);
        List<PlanStep> out = new ArrayList<>();
        for (Step s : run.steps()) {
            out.add(s.planned() != null ? s.planned() : s.phase() == Phase.START ? planStart(ec, s.migration(), out.size())
                    : planComplete(ec, s.migration(), d));
        }
        return new MigratePlan(w.db().dialect().describe(), w.db().targetSchema(), out, run.waiting());
    }

    /** The lint gate's extra inputs: the {@code sql} operations of the declarative migrations the run starts. */
    private static List<LintInput> gated(Workspace w, Declarative d) {
        return SqlOperationGate.inputs(d.toRun(), w.db().dialect().syntax());
    }

    private Declarative declarative(ExpandContract ec, List<YamlMigration> yaml) {
        List<HistoryRow> history = ec.history();
        List<MigrationStatus> inFlight = ec.status();
        List<YamlMigration> toRun = yaml.stream().filter(m -> !completed(m, history, inFlight))
                .filter(m -> config.target() == null || m.version().compareTo(config.target()) <= 0).toList();
        // A file edited after it started is refused before anything of the run is applied.
        toRun.forEach(m -> refuseChanged(m, history));
        return new Declarative(toRun, inFlight);
    }

    /**
     * The run's steps in version order: the SQL migrations below each declarative one, its start (unless an
     * earlier run finished it), its complete; then the rest. Without {@code complete} the run stops after the first
     * start, and what comes after it waits.
     */
    private Steps steps(List<PlannedMigration> sql, Declarative d, boolean complete) {
        List<Step> out = new ArrayList<>();
        int next = 0;
        for (YamlMigration m : d.toRun()) {
            while (next < sql.size() && below(sql.get(next), m)) {
                out.add(Step.sql(sql.get(next++)));
            }
            Optional<MigrationStatus> inFlight = inFlight(d, m);
            if (inFlight.isEmpty() || inFlight.get().phase() == FlightPhase.START) {
                out.add(Step.of(Phase.START, m));
            }
            if (!complete) {
                // What comes after was written for the completed schema: it waits until this one is completed.
                return new Steps(out, waitingFor(m, sql.subList(next, sql.size()), d.toRun()));
            }
            out.add(Step.of(Phase.COMPLETE, m));
        }
        sql.subList(next, sql.size()).forEach(p -> out.add(Step.sql(p)));
        return new Steps(out, List.of());
    }

    /** A versioned SQL migration older than {@code m} (repeatable ones run after every versioned one). */
    private static boolean below(PlannedMigration p, YamlMigration m) {
        return p.pending().script().isVersioned() && p.pending().script().version().compareTo(m.version()) < 0;
    }

    private static Optional<MigrationStatus> inFlight(Declarative d, YamlMigration m) {
        return d.inFlight().stream().filter(s -> s.version().equals(m.version().toString())).findFirst();
    }

    private static boolean completed(YamlMigration m, List<HistoryRow> history, List<MigrationStatus> inFlight) {
        boolean done = history.stream().anyMatch(r -> r.isYaml() && r.success() && r.version().equals(m.version()));
        return done && inFlight.stream().noneMatch(s -> s.version().equals(m.version().toString()));
    }

    private static void refuseChanged(YamlMigration m, List<HistoryRow> history) {
        Optional<HistoryRow> done = history.stream().filter(r -> r.isYaml() && r.success()
                && r.version().equals(m.version())).reduce((a, b) -> b);
        if (done.isPresent() && done.get().checksum() != null && done.get().checksum() != m.checksum()) {
            throw UnderwayException.of(Reason.CHECKSUM_CHANGED, m.script() + " (" + m.label() + ") changed after it was started"
                    + " (checksum " + done.get().checksum() + " then, " + m.checksum() + " now); revert the edit and"
                    + " put the change in a new migration");
        }
    }

    /** The run stops after starting {@code m}: the migrations after it are listed as waiting for its complete. */
    private List<String> waitingFor(YamlMigration m, List<PlannedMigration> sqlAfter, List<YamlMigration> yaml) {
        List<String> later = new ArrayList<>();
        sqlAfter.forEach(p -> later.add(p.script()));
        yaml.stream().filter(y -> y.version().compareTo(m.version()) > 0).forEach(y -> later.add(y.script()));
        return later.isEmpty() ? List.of() : List.of(config.render(String.join(", ", later) + " wait"
                + (later.size() == 1 ? "s" : "") + " until " + m.label() + " is completed: " + Setting.either(
                "run `underway complete " + m.version() + "` (or migrate --complete)",
                "complete it with expandContract(...).complete(\"" + m.version() + "\") (or migrate with"
                        + " MigrateOptions.withComplete(true))") + " once every application runs its version"));
    }

    /**
     * A start in a dry run. One after other steps of the run is planned against the schema as it is now; when it
     * cannot be (it changes what those steps create), the plan says so instead of its actions.
     */
    private static PhasePlan planStart(ExpandContract ec, YamlMigration m, int stepsBefore) {
        if (stepsBefore == 0) {
            return ec.planStart(m);
        }
        String before = "the " + stepsBefore + " step(s) before it";
        try {
            return ec.planStart(m).withNote("planned against the schema as it is now, before " + before + " ran");
        } catch (UnderwayException e) {
            return new PhasePlan(m.version().toString(), m.script(), Phase.START.label(), null, null, List.of(),
                    List.of(), 0, List.of("its actions are planned when it runs, after " + before + ": planned"
                    + " against the schema as it is now, it is refused (" + e.getMessage() + ")"));
        }
    }

    /** A complete in a dry run: planned when the migration is started already, else once its start in this run. */
    private static PhasePlan planComplete(ExpandContract ec, YamlMigration m, Declarative d) {
        Optional<MigrationStatus> inFlight = inFlight(d, m);
        if (inFlight.isPresent() && inFlight.get().phase() != FlightPhase.START) {
            return ec.planComplete(m.version().toString());
        }
        return new PhasePlan(m.version().toString(), m.script(), Phase.COMPLETE.label(), null, null, List.of(),
                List.of(), 0, List.of("its actions are planned when it runs, once its start in this run is done"));
    }

    private static AppliedMigration applied(YamlMigration m, PhaseResult r) {
        return new AppliedMigration(m.label() + " " + r.phase().label(), m.description(), m.script(), ExecutionMode.EXPAND_CONTRACT,
                r.actions(), r.resumedAt(), r.millis(), r.retries(), r.lockWaitMs());
    }
}
