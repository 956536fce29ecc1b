package dev.underway.op;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.postgres.PostgresDependents;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.dialect.postgres.PostgresVersionDdl;
import dev.underway.exec.StatementPlanner;
import dev.underway.migration.Action;
import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.Phase;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Stage;
import dev.underway.sql.StatementSplitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The three phases of one YAML migration, planned from the file and the schema snapshot taken
 * when it started: the same inputs always give the same actions, so a start interrupted at any
 * action resumes at that action, and complete and rollback know exactly what start made.
 */
public final class MigrationPlan {
    private final YamlMigration migration;
    private final List<Operation.Validated<?>> operations;
    private final Expansion x;
    private final String oldSchema;
    private final Dialect dialect;
    private final OnlineExecution online;

    private MigrationPlan(YamlMigration migration, List<Operation.Validated<?>> operations, Expansion x,
                          String oldSchema, Dialect dialect, OnlineExecution online) {
        this.migration = migration;
        this.operations = operations;
        this.x = x;
        this.oldSchema = oldSchema;
        this.dialect = dialect;
        this.online = online;
    }

    /** Planned with the default timeouts (see {@link OnlineExecution#DEFAULTS}). */
    public static MigrationPlan of(YamlMigration m, SchemaSnapshot before, String oldSchema, Dialect dialect) {
        return of(m, before, oldSchema, dialect, OnlineExecution.DEFAULTS);
    }

    /**
     * Validates every operation against the snapshot (in file order, each seeing the changes of
     * those before it); refuses bad input with file and line.
     *
     * @param oldSchema the schema of the version before: the latest completed version schema, or the base schema
     * @param online    the timeouts each action's statements get, as a SQL migration's would
     */
    public static MigrationPlan of(YamlMigration m, SchemaSnapshot before, String oldSchema, Dialect dialect,
                                   OnlineExecution online) {
        Expansion x = new Expansion(m.script(), m.version().toString(), before, m.versionSchema());
        List<Operation.Validated<?>> operations = new ArrayList<>();
        for (Operation<?> op : m.operations()) {
            operations.add(Operation.validated(op, x));
        }
        for (TableDraft t : x.drafts.values()) {
            if (t.backfill && !t.created && t.before.primaryKey().isEmpty()
                    && t.before.indexes().values().stream().noneMatch(SchemaSnapshot.Index::unique)) {
                throw x.error(m.operations().get(0).line(), "table " + t.name + " has no primary key or unique index,"
                        + " and its existing rows must be backfilled in key order; add a primary key first");
            }
        }
        return new MigrationPlan(m, List.copyOf(operations), x, oldSchema, dialect, online);
    }

    public YamlMigration migration() {
        return migration;
    }

    public SchemaSnapshot snapshot() {
        return x.before;
    }

    public String newSchema() {
        return x.newSchema;
    }

    public String oldSchema() {
        return oldSchema;
    }

    /** Tables the migration changes, by their names before it. */
    public Set<String> touchedTables() {
        return Set.copyOf(x.touched);
    }

    /** Tables it only depends on (foreign keys point at them). */
    public Set<String> referencedTables() {
        return Set.copyOf(x.referenced);
    }

    /** Names (after complete) of the tables this migration owns, for view refreshes elsewhere. */
    public List<String> backfillTables() {
        return x.drafts.values().stream().filter(t -> t.backfill).map(t -> t.physical).toList();
    }

    /** Queries that check every up and down expression against the database; see {@link SyncTrigger#checks}. */
    public List<SyncTrigger.ExpressionCheck> expressionChecks() {
        return x.drafts.values().stream().filter(t -> !t.created).flatMap(t -> SyncTrigger.checks(x, t).stream()).toList();
    }

    public List<Action> start() {
        List<Action> out = new ArrayList<>();
        operations.forEach(op -> out.addAll(op.start(x)));
        for (TableDraft t : x.drafts.values()) {
            out.addAll(CarriedOver.start(x, t));
            if (!t.syncs.isEmpty()) {
                out.add(SyncTrigger.create(x, t, oldSchema));
            }
            if (t.backfill) {
                out.add(Action.backfill(t.physical));
            }
        }
        out.add(VersionViews.createSchema(x));
        return locked(sorted(out));
    }

    /** Complete without objects to re-create (counting its actions, which these do not change). */
    public List<Action> complete(boolean dropOldSchema, List<String> keptSchemas) {
        return complete(dropOldSchema, keptSchemas, DependentObjects.NONE);
    }

    /**
     * Validations first (a violation stops complete before anything changed), then the contract
     * in one transaction, then what cannot run in a transaction.
     *
     * @param dropOldSchema drop the previous version's schema (no other migration in flight still uses it)
     * @param keptSchemas   other version schemas that stay: their views of this migration's tables are refreshed
     * @param dependents    objects on replaced columns: dropped first in the contract, re-created once the copies
     *                      carry the old columns' names (so the definitions bind to them), before the final renames
     */
    public List<Action> complete(boolean dropOldSchema, List<String> keptSchemas, DependentObjects dependents) {
        List<Action> ops = new ArrayList<>();
        operations.forEach(op -> ops.addAll(op.complete(x)));
        x.drafts.values().forEach(t -> ops.addAll(CarriedOver.complete(x, t)));
        List<Action> out = new ArrayList<>(ops.stream().filter(a -> a.stage() == Stage.VALIDATE).toList());
        List<Action> contract = new ArrayList<>();
        if (!dependents.isEmpty()) {
            contract.add(new Action(Phase.COMPLETE, Stage.CONTRACT, "drop " + dependents.names() + " (re-created below)",
                    dependents.contractDrops(), List.of(), false, null, null));
        }
        if (dropOldSchema && !oldSchema.equals(x.schema())) {
            contract.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "drop the old version schema",
                    PostgresVersionDdl.dropSchemaCascade(oldSchema)));
        }
        List<TableDraft> owned = x.drafts.values().stream().filter(TableDraft::changed).toList();
        for (String s : keptSchemas) {
            for (TableDraft t : owned) {
                contract.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "drop the view of " + t.physical + " in " + s,
                        PostgresVersionDdl.dropView(s, t.physical), PostgresVersionDdl.dropView(s, t.name)));
            }
        }
        x.drafts.values().stream().filter(t -> !t.syncs.isEmpty()).forEach(t -> contract.add(new Action(Phase.COMPLETE,
                Stage.CONTRACT, "drop the sync trigger of " + t.name, SyncTrigger.drop(x, t), List.of(), false, null, null)));
        contract.addAll(ops.stream().filter(a -> a.stage() == Stage.CONTRACT && !a.concurrent()).toList());
        owned.forEach(t -> contract.addAll(Contract.drops(x, t)));
        if (!dependents.isEmpty()) {
            owned.forEach(t -> contract.addAll(Contract.copiesTakeOldNames(x, t)));
            contract.add(new Action(Phase.COMPLETE, Stage.CONTRACT, "re-create " + dependents.names(),
                    dependents.contractCreates(), List.of(), false, null, null));
        }
        for (TableDraft t : owned) {
            contract.addAll(Contract.columnRenames(x, t, !dependents.isEmpty()));
            contract.addAll(CarriedOver.contract(x, t));
        }
        // Last, so that everything above still finds the tables under the names it knows them by.
        owned.forEach(t -> contract.addAll(Contract.tableRename(x, t)));
        for (String s : keptSchemas) {
            owned.stream().filter(t -> !t.dropped).forEach(t -> contract.add(Action.of(Phase.COMPLETE, Stage.CONTRACT,
                    "view of " + t.name + " in " + s, VersionViews.view(s, t.name, x, t.name, VersionViews.completed(t)))));
        }
        // Always one contract action, even an empty one: resuming counts actions, and their number must not vary.
        out.add(Action.merge(Phase.COMPLETE, Stage.CONTRACT, "contract in one transaction: " + (contract.isEmpty()
                ? "nothing to change" : String.join("; ", contract.stream().map(Action::description).toList())), contract));
        out.addAll(ops.stream().filter(a -> a.stage() == Stage.AFTER || a.stage() == Stage.CONTRACT && a.concurrent())
                .toList());
        return locked(out);
    }

    /** What complete drops: old columns (replaced by a copy, or dropped) and dropped tables. */
    public List<DependentObjects.Dropped> droppedAtComplete() {
        List<DependentObjects.Dropped> out = new ArrayList<>();
        for (TableDraft t : x.drafts.values()) {
            if (t.created) {
                continue;
            }
            if (t.dropped) {
                out.add(new DependentObjects.Dropped(root(t.physical, null), null, null, "drop_table " + t.physical));
                continue;
            }
            for (String c : t.replacedColumns()) {
                Optional<TableDraft.Column> copy = t.columns.stream()
                        .filter(k -> Contract.replaces(t, k.physical).filter(c::equals).isPresent()).findFirst();
                out.add(new DependentObjects.Dropped(root(t.physical, c), copy.map(k -> k.physical).orElse(null),
                        copy.map(k -> k.newType).orElse(null), "drop_column " + t.physical + "." + c));
            }
        }
        return out;
    }

    /** What complete renames in place (no copy): PostgreSQL's views, rules and functions follow such renames. */
    public List<DependentObjects.Dropped> renamedAtComplete() {
        List<DependentObjects.Dropped> out = new ArrayList<>();
        for (TableDraft t : x.drafts.values()) {
            if (t.created || t.dropped) {
                continue;
            }
            t.columns.stream().filter(k -> !k.name.equals(k.physical) && Contract.replaces(t, k.physical).isEmpty())
                    .forEach(k -> out.add(new DependentObjects.Dropped(root(t.physical, k.physical), null, null,
                            "renames to " + k.name)));
            if (!t.name.equals(t.physical)) {
                out.add(new DependentObjects.Dropped(root(t.physical, null), null, null, "renames to " + t.name));
            }
        }
        return out;
    }

    /** What rollback drops: the columns start added and the tables it created. */
    public List<DependentObjects.Dropped> droppedAtRollback() {
        List<DependentObjects.Dropped> out = new ArrayList<>();
        for (TableDraft t : x.drafts.values()) {
            if (t.created) {
                out.add(new DependentObjects.Dropped(root(t.physical, null), null, null, "rollback"));
            } else {
                t.addedColumns().forEach(c -> out.add(new DependentObjects.Dropped(root(t.physical, c), null, null,
                        "rollback")));
            }
        }
        return out;
    }

    private PostgresDependents.Root root(String table, String column) {
        return new PostgresDependents.Root(x.schema(), table, column);
    }

    /** Drops what start made, whether or not start got that far; restores what it changed in the catalog. */
    public List<Action> rollback() {
        List<Action> ops = new ArrayList<>();
        operations.forEach(op -> ops.addAll(op.rollback(x)));
        x.drafts.values().forEach(t -> ops.addAll(CarriedOver.rollback(x, t)));
        // Checks first: one that fails removes what it added, and nothing before it changed anything either.
        List<Action> out = new ArrayList<>(ops.stream().filter(a -> a.stage() == Stage.PREPARE_UNDO && a.isCheck()).toList());
        out.addAll(ops.stream().filter(a -> a.stage() == Stage.PREPARE_UNDO && !a.isCheck()).toList());
        List<Action> undo = new ArrayList<>();
        undo.add(Action.of(Phase.ROLLBACK, Stage.UNDO, "drop the version schema " + x.newSchema,
                PostgresVersionDdl.dropSchemaCascade(x.newSchema)));
        x.drafts.values().stream().filter(t -> !t.syncs.isEmpty()).forEach(t -> undo.add(new Action(Phase.ROLLBACK,
                Stage.UNDO, "drop the sync trigger of " + t.name, SyncTrigger.drop(x, t), List.of(), false, null, null)));
        undo.addAll(ops.stream().filter(a -> a.stage() == Stage.UNDO && !a.concurrent()).toList());
        for (TableDraft t : x.drafts.values()) {
            if (t.created) {
                undo.add(Action.of(Phase.ROLLBACK, Stage.UNDO, "drop table " + t.physical,
                        PostgresExpandDdl.dropTable(x.qualified(t.physical))));
            } else {
                t.addedColumns().forEach(c -> undo.add(Action.of(Phase.ROLLBACK, Stage.UNDO, "drop " + t.physical + "." + c,
                        PostgresExpandDdl.dropColumnIfExists(x.qualified(t.physical), c))));
            }
        }
        out.add(Action.merge(Phase.ROLLBACK, Stage.UNDO, "undo in one transaction: " + String.join("; ",
                undo.stream().map(Action::description).toList()), undo));
        out.addAll(ops.stream().filter(a -> a.stage() == Stage.UNDO && a.concurrent()).toList());
        return locked(out);
    }

    private static List<Action> sorted(List<Action> actions) {
        List<Action> out = new ArrayList<>(actions);
        out.sort(Comparator.comparing(Action::stage));
        return out;
    }

    /**
     * Each statement planned as a SQL migration's statement is (the lock the classifier judges it takes, its
     * timeouts), numbered as the phase's script: on the "line" of its action's number. Data for plans, dry runs and
     * the executor.
     */
    private List<Action> locked(List<Action> actions) {
        StatementPlanner planner = new StatementPlanner(dialect, online);
        StatementSplitter splitter = new StatementSplitter(dialect.syntax());
        List<Action> out = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            List<ExecutableStatement> planned = new ArrayList<>();
            for (String sql : a.sql()) {
                planned.add(planner.planAlone(statement(splitter, sql, index++, i + 1)));
            }
            out.add(a.planned(planned));
        }
        return out;
    }

    /** One generated statement as the phase's {@code index}-th, on the "line" {@code line}. */
    private SqlStatement statement(StatementSplitter splitter, String sql, int index, int line) {
        List<SqlStatement> parsed = splitter.split(sql, migration.script()).statements();
        if (parsed.isEmpty()) {
            return new SqlStatement(index, sql, line, List.of(), List.of());
        }
        SqlStatement s = parsed.get(0);
        return new SqlStatement(index, s.sql(), line, s.tokens(), s.directives());
    }
}
