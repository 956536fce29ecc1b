package dev.underway.op;

import dev.underway.UnderwayException;
import dev.underway.config.UnderwayConfig;
import dev.underway.exec.AppliedMigration;
import dev.underway.exec.MigrateResult;
import dev.underway.exec.Migrator;
import dev.underway.exec.Workspace;
import dev.underway.expand.ExpandContract;
import dev.underway.expand.MigrationStatus;
import dev.underway.expand.PhaseResult;
import dev.underway.lint.MigrationGate;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import dev.underway.plan.ExecutionMode;
import dev.underway.plan.HistoryRow;
import dev.underway.plan.MigrationDirectory;
import dev.underway.plan.MigrationScript;
import dev.underway.plan.MigrationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * migrate on a directory that also holds declarative migrations: SQL migrations and YAML ones
 * run in one version order; each YAML migration is started (and completed with
 * {@code complete}). Without {@code complete}, migrate stops after starting one: what comes after
 * it was written for the completed schema and waits. The lint gate judges every pending SQL
 * migration and {@code sql} operation before anything runs.
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

    /** The YAML migrations of a directory (searched recursively), by version. */
    public static List<YamlMigration> scan(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> YamlMigration.isYamlMigration(p.getFileName().toString()))
                    .sorted().map(p -> {
                        YamlMigration m = YamlMigration.read(p);
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return YamlMigration.parse(rel, m.text());
                    }).sorted(Comparator.comparing(YamlMigration::version)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MigrateResult migrate(boolean complete) {
        List<YamlMigration> yaml = scan(config.directory());
        if (yaml.isEmpty()) {
            return new Migrator(config, listener).migrate();
        }
        MigrationDirectory dir = MigrationDirectory.load(config.directory(), dev.underway.dialect.postgres.PostgresDialect.SYNTAX);
        ExpandContract ec = new ExpandContract(config, listener, phases, BackfillListener.NONE);
        List<HistoryRow> history = ec.history();
        List<YamlMigration> toRun = yaml.stream().filter(m -> !completed(m, history, ec))
                .filter(m -> config.target() == null || m.version().compareTo(config.target()) <= 0).toList();
        gate(toRun);
        // The findings were reported once for the whole directory: the segments below do not repeat them.
        MigrationListener segments = new WithoutLintFindings(listener);
        List<AppliedMigration> applied = new ArrayList<>();
        for (YamlMigration m : toRun) {
            Optional<MigrationVersion> below = dir.versioned().stream().map(MigrationScript::version)
                    .filter(v -> v.compareTo(m.version()) < 0).max(Comparator.naturalOrder());
            if (below.isPresent()) {
                sql(below.get(), applied, segments);
            }
            refuseChanged(m, history);
            Optional<MigrationStatus> inFlight = ec.status().stream().filter(s -> s.version().equals(m.version().toString()))
                    .findFirst();
            if (inFlight.isEmpty() || inFlight.get().phase().equals("start")) {
                applied.add(applied(m, ec.start(m)));
            }
            if (!complete) {
                // What comes after was written for the completed schema: it waits until this one is completed.
                return waitingFor(m, dir, yaml, applied);
            }
            applied.add(applied(m, ec.complete(m.version().toString())));
        }
        MigrateResult rest = new Migrator(config, segments).migrate();
        applied.addAll(rest.applied());
        return new MigrateResult(rest.database(), rest.targetSchema(), applied, rest.currentVersion(), List.of());
    }

    private static boolean completed(YamlMigration m, List<HistoryRow> history, ExpandContract ec) {
        boolean done = history.stream().anyMatch(r -> r.isYaml() && r.success() && r.version().equals(m.version()));
        return done && ec.status().stream().noneMatch(s -> s.version().equals(m.version().toString()));
    }

    private static void refuseChanged(YamlMigration m, List<HistoryRow> history) {
        Optional<HistoryRow> done = history.stream().filter(r -> r.isYaml() && r.success()
                && r.version().equals(m.version())).reduce((a, b) -> b);
        if (done.isPresent() && done.get().checksum() != null && done.get().checksum() != m.checksum()) {
            throw UnderwayException.validation(m.script() + " (" + m.label() + ") changed after it was started"
                    + " (checksum " + done.get().checksum() + " then, " + m.checksum() + " now); revert the edit and"
                    + " put the change in a new migration");
        }
    }

    /**
     * The lint gate over every pending SQL migration of the directory and the {@code sql} operations of the
     * declarative ones still to run, before anything is applied.
     */
    private void gate(List<YamlMigration> toRun) {
        Workspace w = Workspace.open(config);
        try (Connection c = w.db().open()) {
            MigrationGate.Result r = MigrationGate.check(w.db().dialect(), w.dir(), w.states(c).pending(),
                    SqlOperationGate.inputs(toRun, w.db().dialect().syntax()), config.unsafe());
            listener.lintFindings(r.findings());
        } catch (SQLException e) {
            throw w.failure("reading the history", e);
        }
    }

    /** Stops after starting {@code m}: the migrations after it are listed as waiting for its complete. */
    private MigrateResult waitingFor(YamlMigration m, MigrationDirectory dir, List<YamlMigration> yaml,
                                     List<AppliedMigration> applied) {
        List<String> later = new ArrayList<>();
        dir.versioned().stream().filter(s -> s.version().compareTo(m.version()) > 0).forEach(s -> later.add(s.script()));
        yaml.stream().filter(y -> y.version().compareTo(m.version()) > 0).forEach(y -> later.add(y.script()));
        List<String> waiting = later.isEmpty() ? List.of() : List.of(String.join(", ", later) + " wait"
                + (later.size() == 1 ? "s" : "") + " until " + m.label() + " is completed: run `underway complete "
                + m.version() + "` (or migrate --complete) once every application runs its version");
        Workspace w = Workspace.open(config);
        try (Connection c = w.db().open()) {
            return new MigrateResult(w.db().dialect().describe(), w.db().targetSchema(), applied,
                    Migrator.currentVersion(w.history().load(c)), waiting);
        } catch (SQLException e) {
            throw w.failure("reading the history", e);
        }
    }

    private void sql(MigrationVersion upTo, List<AppliedMigration> applied, MigrationListener segments) {
        MigrationVersion target = config.target() != null && config.target().compareTo(upTo) < 0 ? config.target() : upTo;
        UnderwayConfig c = new UnderwayConfig(config.connection(), config.schema(), config.directory(), config.state(),
                config.lockWait(), config.outOfOrder(), target, config.unsafe(), config.online());
        applied.addAll(new Migrator(c, segments).migrate().applied());
    }

    private static AppliedMigration applied(YamlMigration m, PhaseResult r) {
        return new AppliedMigration(m.label() + " " + r.phase(), m.description(), m.script(), ExecutionMode.EXPAND_CONTRACT,
                r.actions(), r.resumedAt(), r.millis(), r.retries(), r.lockWaitMs());
    }
}
