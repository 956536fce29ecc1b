package dev.underway.rehearse;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionSettings;
import dev.underway.config.UnderwayConfig;
import dev.underway.dialect.Dialect;
import dev.underway.exec.Database;
import dev.underway.exec.Migrator;
import dev.underway.expand.DirectoryMigration;
import dev.underway.expand.ExpandContract;
import dev.underway.lint.StatementAnalysis;
import dev.underway.load.LoadGenerator;
import dev.underway.load.LoadRecording;
import dev.underway.load.LoadSpec;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.PhaseResult;
import dev.underway.migration.QualifiedName;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.MigrationListener;
import dev.underway.report.FilledTable;
import dev.underway.report.RehearsalFailed;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import dev.underway.state.StateLocation;
import dev.underway.synthetic.SyntheticData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rehearses migrations under a simulated application load: builds the schema the migrations
 * before them produce, fills the tables they touch with synthetic rows, starts the load, applies
 * them through the normal executor (declarative ones started, the application moved to the new
 * version, then completed), and reports per statement what it locked, waited for and rewrote, and
 * what the application saw before, during and after it. It changes the database it is given:
 * point it at a scratch database.
 */
public final class Rehearsal {
    private static final Duration SWITCH_WITHIN = Duration.ofSeconds(10);

    private final ConnectionSettings settings;
    private final String schema;
    private final StateLocation state;
    private final RehearsalRequest request;
    private final Consumer<String> progress;

    /**
     * @param schema   the schema (PostgreSQL) or database (MySQL) to rehearse in; null: the connection's
     * @param progress receives one line per stage, for humans
     */
    public Rehearsal(ConnectionSettings settings, String schema, StateLocation state, RehearsalRequest request,
                     Consumer<String> progress) {
        this.settings = settings;
        this.schema = schema;
        this.state = state == null ? StateLocation.DEFAULT : state;
        this.request = request;
        this.progress = progress == null ? s -> { } : progress;
    }

    public RehearsalReport run() {
        Database db = Database.connect(settings, schema);
        Dialect dialect = db.dialect();
        String target = db.targetSchema();
        RehearsalPlan plan = RehearsalPlan.of(config(null), request);
        if (plan.setupTarget() != null) {
            progress.accept("Building the schema: " + String.join(", ", plan.setup()));
            buildSchema(plan);
        }
        try (Connection c = db.open()) {
            Map<String, StatementAnalysis> analyses = plan.analyze(dialect);
            Set<String> touched = existing(c, dialect, target, plan.touchedTables(analyses, config(null)));
            List<FilledTable> filled = fill(c, dialect, target, touched, plan.fresh());
            List<String> loadTables = loadTables(c, dialect, target, touched);
            return rehearse(db, c, plan, analyses, filled, loadTables);
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.DATABASE_ERROR, "database error while preparing the rehearsal on " + settings.redactedUrl()
                    + ": " + settings.describe(e), e);
        }
    }

    private RehearsalReport rehearse(Database db, Connection c, RehearsalPlan plan, Map<String, StatementAnalysis> analyses,
                                     List<FilledTable> filled, List<String> loadTables) throws SQLException {
        Dialect dialect = db.dialect();
        String target = db.targetSchema();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String t : loadTables) {
            columns.put(t, dialect.tables().table(c, new QualifiedName(target, t)).orElseThrow().columns().stream()
                    .map(x -> x.name()).toList());
        }
        LoadGenerator load = loadTables.isEmpty() ? null : LoadGenerator.start(new LoadSpec(settings, target, loadTables,
                request.clients(), request.ratePerSecond(), request.mix(), request.seed()));
        long t0 = System.nanoTime();
        java.util.function.LongSupplier clock = load == null ? () -> System.nanoTime() - t0 : load::elapsedNanos;
        List<RehearsalReport.Event> events = new ArrayList<>();
        String error = null;
        UnderwayException failure = null;
        long firstStart;
        try (StepRecorder recorder = new StepRecorder(dialect, target, clock, analyses, db.open())) {
            progress.accept(load == null ? "No table to put load on: rehearsing without an application load"
                    : "Load: " + request.clients() + " clients on " + String.join(", ", loadTables) + " ("
                    + (request.ratePerSecond() == 0 ? "unthrottled" : (long) request.ratePerSecond() + " queries/s")
                    + ", " + request.mix() + "); warming up for " + request.warmup().toMillis() + " ms");
            pause(request.warmup());
            firstStart = clock.getAsLong();
            try {
                for (RehearsalPlan.Item item : plan.rehearsed()) {
                    apply(item, dialect, recorder, load, columns, events, clock);
                }
            } catch (UnderwayException e) {
                failure = e;
                error = e.getMessage();
                events.add(new RehearsalReport.Event(clock.getAsLong() / 1_000_000, "stopped: " + firstLine(error)));
                progress.accept("Stopped: " + firstLine(error));
            }
            pause(request.cooldown());
            LoadRecording recording = load == null ? null : load.stop();
            RehearsalReport report = new ReportBuilder(dialect, request.window()).build(dialect.describe(), plan, filled,
                    recorder.steps(), recording, request, firstStart, events, error);
            if (failure != null) {
                throw new RehearsalFailed(failure, report);
            }
            return report;
        } finally {
            if (load != null) {
                load.stop();
            }
        }
    }

    private void apply(RehearsalPlan.Item item, Dialect dialect, StepRecorder recorder, LoadGenerator load,
                       Map<String, List<String>> columns, List<RehearsalReport.Event> events,
                       java.util.function.LongSupplier clock) {
        progress.accept("Applying " + item.label() + " (" + item.script() + ")");
        if (item.yaml() == null) {
            recorder.phase(null);
            new Migrator(config(item.version()), recorder).migrate();
            return;
        }
        ExpandContract ec = new ExpandContract(config(item.version()), recorder, recorder, BackfillListener.NONE);
        recorder.phase("start");
        PhaseResult started = ec.start(item.yaml());
        if (!request.complete()) {
            return;
        }
        if (load != null) {
            String why = VersionSwitch.whyNot(settings, dialect, started.newSchema(), columns);
            if (why == null && load.useSchema(started.newSchema(), SWITCH_WITHIN)) {
                events.add(new RehearsalReport.Event(clock.getAsLong() / 1_000_000, "the application moved to "
                        + started.newSchema() + " (" + item.label() + " started)"));
            } else {
                events.add(new RehearsalReport.Event(clock.getAsLong() / 1_000_000, "the application stays on the old "
                        + "version through the complete of " + item.label() + ": " + (why == null
                        ? "not every client moved within " + SWITCH_WITHIN.toSeconds() + " s" : why)));
            }
        }
        recorder.phase("complete");
        ec.complete(started.version());
    }

    /**
     * Applies the migrations below the rehearsed ones from a copy of the directory that holds only them: repeatable
     * migrations are written for the newest schema, so they run after the rehearsed ones, as migrate runs them.
     */
    private void buildSchema(RehearsalPlan plan) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("underway-rehearsal-setup");
            for (RehearsalPlan.Item i : plan.below()) {
                Path to = copy.resolve(i.script());
                Files.createDirectories(to.getParent());
                Files.copy(request.directory().resolve(i.script()), to);
            }
            UnderwayConfig c = config(plan.setupTarget());
            new DirectoryMigration(new UnderwayConfig(c.connection(), c.schema(), copy, c.state(), c.lockWait(), false,
                    c.target(), true, c.online()), MigrationListener.NONE, dev.underway.observe.PhaseListener.NONE)
                    .migrate(true);
        } catch (IOException e) {
            throw UnderwayException.of(Reason.IO_FAILED, "cannot copy the migrations that build the schema: " + e.getMessage(), e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it up eventually
        }
    }

    /**
     * Tables that exist now, of those the migrations touch (tables they create do not exist yet), by their names in
     * the catalog: a statement may write {@code Users} for the table PostgreSQL stores as {@code users}.
     */
    private static Set<String> existing(Connection c, Dialect dialect, String target, Set<String> tables) throws SQLException {
        Map<String, String> byLower = new LinkedHashMap<>();
        Set<String> exact = new LinkedHashSet<>();
        for (String name : dialect.schemas().baseTables(c, target)) {
            exact.add(name);
            byLower.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : tables) {
            String name = exact.contains(t) ? t : byLower.get(t.toLowerCase(java.util.Locale.ROOT));
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    private List<FilledTable> fill(Connection c, Dialect dialect, String target, Set<String> touched,
                                            boolean fresh) throws SQLException {
        Map<QualifiedName, Long> rows = new LinkedHashMap<>();
        if (fresh) {
            touched.forEach(t -> rows.put(new QualifiedName(target, t), request.defaultRows()));
        }
        for (Map.Entry<String, Long> e : request.rows().entrySet()) {
            QualifiedName name = new QualifiedName(target, e.getKey());
            if (!dialect.schemas().tableExists(c, name)) {
                throw UnderwayException.of(Reason.NO_SUCH_OBJECT, Setting.REHEARSAL_ROWS.ref() + " names table " + name + ", which does not exist before the rehearsed"
                        + " migrations").table(name.toString());
            }
            rows.put(name, e.getValue());
        }
        rows.values().removeIf(n -> n == 0);
        if (rows.isEmpty()) {
            return List.of();
        }
        progress.accept("Filling " + rows.entrySet().stream().map(e -> e.getKey().name() + " (" + e.getValue() + " rows)")
                .reduce((a, b) -> a + ", " + b).orElse(""));
        return SyntheticData.fill(c, dialect, rows, request.defaultRows());
    }

    private List<String> loadTables(Connection c, Dialect dialect, String target, Set<String> touched)
            throws SQLException {
        if (request.loadTables().isEmpty()) {
            return List.copyOf(touched);
        }
        for (String t : request.loadTables()) {
            if (!dialect.schemas().tableExists(c, new QualifiedName(target, t))) {
                throw UnderwayException.of(Reason.NO_SUCH_OBJECT, Setting.LOAD_TABLE.ref() + " " + t + " does not exist in " + target
                        + " before the rehearsed migrations").table(t);
            }
        }
        return request.loadTables();
    }

    /** Rehearsals apply dangerous statements too (unsafe): seeing what they do is the point. */
    private UnderwayConfig config(MigrationVersion target) {
        return new UnderwayConfig(settings, schema, request.directory(), state, null, false, target, true,
                request.online());
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
