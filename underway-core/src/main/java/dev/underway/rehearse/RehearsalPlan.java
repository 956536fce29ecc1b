package dev.underway.rehearse;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.config.UnderwayConfig;
import dev.underway.dialect.Dialect;
import dev.underway.exec.Workspace;
import dev.underway.expand.DirectoryMigration;
import dev.underway.expand.ExpandContract;
import dev.underway.lint.FileAnalysis;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.lint.StatementAnalysis;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.PendingMigration;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import dev.underway.op.YamlMigration;
import dev.underway.report.LintOptions;
import dev.underway.report.RehearsalRequest;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which migrations a rehearsal applies first (to build the schema) and which it rehearses. On a
 * database without history: the ones below {@code --from} (default: the newest migration) build the
 * schema, the rest are rehearsed. On a database with history (a restored copy of production): its
 * pending migrations are rehearsed.
 *
 * @param below the migrations that build the schema first (none on a database with history)
 */
record RehearsalPlan(boolean fresh, List<Item> below, List<Item> rehearsed, List<MigrationScript> versioned) {

    /** Labels of the migrations that build the schema. */
    List<String> setup() {
        return below.stream().map(Item::label).toList();
    }

    /** The highest version to apply before the load starts, or null for none. */
    MigrationVersion setupTarget() {
        return below.isEmpty() ? null : below.get(below.size() - 1).version();
    }

    /** One rehearsed migration: SQL ({@code sql}) or declarative ({@code yaml}). */
    record Item(MigrationVersion version, String label, String script, MigrationScript sql, YamlMigration yaml) {
    }

    static RehearsalPlan of(UnderwayConfig config, RehearsalRequest request) {
        Workspace w = Workspace.open(config);
        List<HistoryRow> history;
        dev.underway.plan.MigrationStates states;
        try (Connection c = w.db().open()) {
            history = w.history().load(c);
            states = w.states(c);
        } catch (SQLException e) {
            throw w.failure("reading the history", e);
        }
        List<Item> all = new ArrayList<>();
        for (MigrationScript m : w.dir().versioned()) {
            all.add(new Item(m.version(), m.name().label(), m.script(), m, null));
        }
        for (YamlMigration y : DirectoryMigration.yaml(w.dir())) {
            all.add(new Item(y.version(), y.label(), y.script(), null, y));
        }
        all.sort(Comparator.comparing(Item::version));
        if (all.isEmpty()) {
            throw UnderwayException.of(Reason.NOTHING_TO_DO, "no versioned migrations in " + config.directory() + " to rehearse");
        }
        List<MigrationScript> versioned = w.dir().versioned();
        if (history.isEmpty()) {
            MigrationVersion from = request.from() != null ? request.from() : all.get(all.size() - 1).version();
            List<Item> rehearsed = all.stream().filter(i -> i.version().compareTo(from) >= 0).toList();
            if (rehearsed.isEmpty()) {
                throw UnderwayException.of(Reason.BAD_OPTION, "no migration at or above version " + from + " in " + config.directory()
                        + " (the newest is " + all.get(all.size() - 1).version() + ")");
            }
            List<Item> below = all.stream().filter(i -> i.version().compareTo(from) < 0).toList();
            return new RehearsalPlan(true, below, rehearsed, versioned);
        }
        if (request.from() != null) {
            throw UnderwayException.of(Reason.BAD_OPTION, Setting.REHEARSAL_FROM.ref() + " is for an empty database; " + w.db().targetSchema() + " has a history,"
                    + " and the rehearsal runs its pending migrations");
        }
        Set<MigrationVersion> pending = new LinkedHashSet<>();
        w.throwIfInvalid(states);
        for (PendingMigration p : states.pending()) {
            if (p.script().isVersioned()) {
                pending.add(p.script().version());
            }
        }
        for (Item i : all) {
            if (i.yaml() != null && history.stream().noneMatch(r -> r.success() && i.version().equals(r.version()))) {
                pending.add(i.version());
            }
        }
        List<Item> rehearsed = all.stream().filter(i -> pending.contains(i.version())).toList();
        if (rehearsed.isEmpty()) {
            throw UnderwayException.of(Reason.NOTHING_TO_DO, "nothing to rehearse: " + w.db().targetSchema() + " has no pending migrations");
        }
        return new RehearsalPlan(false, List.of(), rehearsed, versioned);
    }

    /**
     * Lint analyses of the rehearsed SQL statements by {@code script:line}, each judged with the migrations before
     * it as context.
     */
    Map<String, StatementAnalysis> analyze(Dialect dialect) {
        Linter linter = new Linter(dialect, LintOptions.DEFAULT);
        SchemaModel model = new SchemaModel();
        Set<String> mine = new LinkedHashSet<>();
        rehearsed.stream().filter(i -> i.sql() != null).forEach(i -> mine.add(i.script()));
        MigrationVersion last = rehearsed.get(rehearsed.size() - 1).version();
        Map<String, StatementAnalysis> out = new LinkedHashMap<>();
        for (MigrationScript m : versioned) {
            if (m.version().compareTo(last) > 0) {
                break;
            }
            FileAnalysis a = linter.analyze(LintInput.of(m, ""), model);
            if (mine.contains(m.script())) {
                a.statements().forEach(s -> out.put(m.script() + ":" + s.statement().line(), s));
            }
        }
        return out;
    }

    /** The tables the rehearsed migrations change, by their names in the target schema before them. */
    Set<String> touchedTables(Map<String, StatementAnalysis> analyses, UnderwayConfig config) {
        Set<String> out = new LinkedHashSet<>();
        for (StatementAnalysis a : analyses.values()) {
            TableName t = a.shape().table();
            if (t != null && t.name() != null) {
                out.add(t.name());
            }
            a.verdict().locks().keySet().forEach(out::add);
        }
        for (Item i : rehearsed) {
            if (i.yaml() != null) {
                try {
                    out.addAll(new ExpandContract(config, MigrationListener.NONE, PhaseListener.NONE,
                            BackfillListener.NONE).planStart(i.yaml()).tables());
                } catch (UnderwayException e) {
                    // It depends on tables an earlier rehearsed migration creates: they are new and empty anyway.
                }
            }
        }
        return out;
    }
}
