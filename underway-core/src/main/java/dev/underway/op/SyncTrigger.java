package dev.underway.op;

import dev.underway.dialect.postgres.PostgresVersionDdl;
import dev.underway.dialect.postgres.PostgresVersionDdl.SyncAssignment;
import dev.underway.dialect.postgres.PostgresVersionDdl.SyncBlock;
import dev.underway.dialect.postgres.PostgresVersionDdl.SyncGuard;
import dev.underway.dialect.postgres.PostgresVersionDdl.SyncVariable;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;


/**
 * The BEFORE INSERT OR UPDATE trigger that keeps a table's old and new columns consistent.
 *
 * <p>Which version wrote the row decides the direction. It is read from the schemas the
 * session resolves names in ({@code current_schemas(false)}: the existing schemas of its
 * {@code search_path}, unquoted, in order): if the new version schema comes before the old
 * version schema and the base schema, the new version wrote it and the old columns are computed
 * ({@code down}); otherwise (old version, base schema, a backfill, a session that knows neither)
 * the new columns are computed ({@code up}). Never a comparison of the whole {@code search_path}
 * string: {@code "public_v2", public} and {@code "$user", public_v2} both count as the new version.
 *
 * <p>Expressions see the row's columns as variables named as the writing version names them, so
 * {@code up} is written against the old version's names and {@code down} against the new one's.
 */
public final class SyncTrigger {
    private SyncTrigger() {
    }

    static Action create(Expansion x, TableDraft t, String oldSchema) {
        String function = x.qualified(Names.syncFunction(t.physical));
        List<String> oldSchemas = new ArrayList<>(List.of(x.schema()));
        if (!oldSchema.equals(x.schema())) {
            oldSchemas.add(oldSchema);
        }
        String table = x.qualified(t.physical);
        String body = PostgresVersionDdl.syncFunction(function, table, x.newSchema, oldSchemas,
                block(x, t, t.columns.stream().map(c -> new SyncVariable(c.name, c.physical)).toList(), false),
                block(x, t, t.oldColumns().stream().map(c -> new SyncVariable(c, c)).toList(), true));
        String trigger = PostgresVersionDdl.createSyncTrigger(Names.syncTrigger(x.version), table, function);
        return new Action(Phase.START, Stage.TRIGGERS, "sync trigger on " + t.name + " (" + describe(t) + ")",
                List.of(body, trigger), List.of(), false, null, null);
    }

    /** What a version's writes recompute: {@code up} (the old version wrote) or {@code down} (the new one did). */
    private static SyncBlock block(Expansion x, TableDraft t, List<SyncVariable> variables, boolean up) {
        List<TableDraft.Sync> syncs = t.syncs.stream().filter(s -> up ? s.up() != null : s.down() != null).toList();
        // Only the columns the expressions name become variables: a wide table costs no more per row.
        java.util.Set<String> named = new java.util.HashSet<>();
        syncs.forEach(s -> named.addAll(Expressions.names(up ? s.up() : s.down(), x.syntax())));
        List<SyncAssignment> assignments = syncs.stream().map(s -> new SyncAssignment(up ? s.newColumn() : s.oldColumn(),
                Expressions.value(up ? s.up() : s.down()), up ? guard(x, t, s) : null)).toList();
        return new SyncBlock(variables.stream().filter(v -> named.contains(v.name())).toList(), assignments);
    }

    /** When the old version's write recomputes {@code up}; null: always. */
    private static SyncGuard guard(Expansion x, TableDraft t, TableDraft.Sync s) {
        if (s.refresh() == TableDraft.Refresh.ALWAYS) {
            return null;
        }
        List<String> inputs = List.of();
        if (s.refresh() == TableDraft.Refresh.WHEN_INPUTS_CHANGE) {
            java.util.Set<String> reads = Expressions.names(s.up(), x.syntax());
            inputs = t.oldColumns().stream().filter(reads::contains).toList();
        }
        return new SyncGuard(s.newColumn(), inputs);
    }

    private static String describe(TableDraft t) {
        return t.syncs.stream().map(s -> (s.oldColumn() == null ? "" : s.oldColumn()) + (s.up() != null && s.down() != null
                ? " <-> " : s.up() != null ? " -> " : " <- ") + (s.newColumn() == null ? "" : s.newColumn()))
                .collect(Collectors.joining(", "));
    }

    static List<String> drop(Expansion x, TableDraft t) {
        return PostgresVersionDdl.dropSyncTrigger(Names.syncTrigger(x.version), x.qualified(t.physical),
                x.qualified(Names.syncFunction(t.physical)));
    }

    /** A query that makes the server parse one {@code up} or {@code down} expression, returning no row. */
    public record ExpressionCheck(int line, String what, String sql) {
    }

    /**
     * Before anything is created: each expression, selected from the columns it will see (the old
     * version's for {@code up}, the new version's for {@code down}, new columns as typed NULLs), so
     * a typo fails start rather than every write of the old application once the trigger exists.
     */
    static List<ExpressionCheck> checks(Expansion x, TableDraft t) {
        String oldRow = PostgresVersionDdl.oldRow(x.qualified(t.physical), t.oldColumns());
        String newRow = PostgresVersionDdl.newRow(x.qualified(t.physical), t.columns.stream()
                .map(c -> new PostgresVersionDdl.RowColumn(c.name, c.physical, c.newType)).toList());
        List<ExpressionCheck> out = new ArrayList<>(t.defaultChecks);
        for (TableDraft.Sync s : t.syncs) {
            if (s.up() != null) {
                String target = t.columns.stream().filter(c -> c.physical.equals(s.newColumn())).map(c -> c.name)
                        .findFirst().orElse(s.newColumn());
                out.add(new ExpressionCheck(s.line(), "up of " + t.name + "." + target + " (over the old version's"
                        + " columns " + String.join(", ", t.oldColumns()) + ")",
                        PostgresVersionDdl.parseOver(Expressions.value(s.up()), oldRow)));
            }
            if (s.down() != null) {
                out.add(new ExpressionCheck(s.line(), "down of " + t.name + "." + s.oldColumn() + " (over the new"
                        + " version's columns " + t.columns.stream().map(c -> c.name).collect(Collectors.joining(", "))
                        + ")", PostgresVersionDdl.parseOver(Expressions.value(s.down()), newRow)));
            }
        }
        return out;
    }
}
