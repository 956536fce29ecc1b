package dev.underway.op;

import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.List;

import static dev.underway.dialect.postgres.PostgresQuoting.quote;

/**
 * Puts a column's new shape in a hidden copy ({@code _uw_<column>}) that the new version sees
 * under the column's (new) name: start adds the copy, the sync trigger keeps both written
 * ({@code up} from the old version's writes, {@code down} from the new version's) and the
 * backfill fills it for existing rows; complete drops the old column and renames the copy.
 */
final class ColumnCopy {
    final TableDraft table;
    final String oldColumn;
    final String copy;
    final boolean notNull;
    private final List<Action> start = new ArrayList<>();
    private final boolean downDefault;

    /**
     * @param type       the copy's type
     * @param defaultSql the copy's default, or null
     * @param notNull    the copy becomes NOT NULL at complete
     * @param up         expression over the old version's columns; null: the old column itself
     * @param down       expression over the new version's columns; null: the column itself
     */
    ColumnCopy(Expansion x, TableDraft t, TableDraft.Column c, String type, String defaultSql, boolean notNull,
               String up, String down, int line, String op) {
        SchemaSnapshot.Column old = t.before.column(c.physical).orElseThrow();
        refuseDependents(x, t, c.physical, line, op);
        this.table = t;
        this.oldColumn = c.physical;
        this.copy = Names.newColumn(c.physical);
        this.notNull = notNull;
        String def = defaultSql;
        start.add(Action.of(Phase.START, Stage.COLUMNS, "add " + t.name + "." + copy + " carrying the new shape of "
                        + c.name, PostgresExpandDdl.addColumn(x.qualified(t.physical), copy, type)));
        if (def != null) {
            // Planning folds constants, so a default that cannot become the new type ('abc' -> integer) fails here.
            t.defaultChecks.add(new SyncTrigger.ExpressionCheck(line, "default of " + t.name + "." + c.name + " as "
                    + type, PostgresExpandDdl.castCheck(def, type)));
            // Set apart from ADD COLUMN: a volatile default there would rewrite the table; here it only applies to new rows.
            start.add(Action.of(Phase.START, Stage.COLUMNS, "default of " + t.name + "." + copy,
                    PostgresExpandDdl.setDefault(x.qualified(t.physical), copy, def)));
        }
        if (this.notNull) {
            start.add(Constraints.notNullCheck(x, t, copy));
        }
        t.columns.set(t.columns.indexOf(c), new TableDraft.Column(c.name, copy, type));
        t.syncs.add(new TableDraft.Sync(c.physical, copy, up != null ? up : quote(old.name()),
                down, TableDraft.Refresh.ALWAYS, line));
        t.backfill = true;
        downDefault = down == null;
    }

    /** Without {@code down}, the new version's value flows back unchanged: the column's new name. */
    void defaultDown(String newName) {
        if (downDefault) {
            TableDraft.Sync s = table.syncs.stream().filter(y -> y.newColumn().equals(copy)).findFirst().orElseThrow();
            table.syncs.set(table.syncs.indexOf(s), new TableDraft.Sync(s.oldColumn(), s.newColumn(), s.up(),
                    quote(newName), TableDraft.Refresh.ALWAYS, s.line()));
        }
    }

    List<Action> start() {
        return start;
    }

    List<Action> complete(Expansion x) {
        String visible = table.columns.stream().filter(c -> c.physical.equals(copy)).map(c -> c.name).findFirst()
                .orElse(oldColumn);
        return notNull ? Constraints.completeNotNull(x, table, copy, visible) : List.of();
    }

    /**
     * Indexes, checks and foreign keys on the old column are carried over to the copy
     * ({@link CarriedOver}); what cannot be is refused: exclusion constraints, and foreign keys of
     * other tables that point at the column (dropping it would need CASCADE).
     */
    private static void refuseDependents(Expansion x, TableDraft t, String column, int line, String op) {
        List<String> on = new ArrayList<>();
        t.before.constraints().values().stream().filter(k -> k.columns().contains(column) && k.type().equals("x"))
                .forEach(k -> on.add("exclusion constraint " + k.name()));
        x.before.tables().values().forEach(other -> other.constraints().values().stream()
                .filter(k -> k.type().equals("f") && t.physical.equals(k.referencedTable())
                        && k.referencedColumns().contains(column))
                .forEach(k -> on.add("foreign key " + k.name() + " of " + other.name())));
        if (!on.isEmpty()) {
            throw x.error(line, op + ": column " + t.name + "." + column + " is copied to change it, and " + String.join(", ", on)
                    + " cannot follow the copy. Drop " + (on.size() == 1 ? "it" : "them")
                    + " in an earlier migration and recreate " + (on.size() == 1 ? "it" : "them") + " after this one");
        }
    }
}
