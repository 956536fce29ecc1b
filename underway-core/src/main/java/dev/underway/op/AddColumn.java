package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.List;


/**
 * {@code add_column}. The column gets its final name at once (the old version's views do not
 * show it). A literal default is stored in the catalog (no rewrite); any other default applies
 * to new rows and existing rows are filled by the backfill, as are rows the old version inserts
 * when {@code up} is given. NOT NULL, check and foreign key start NOT VALID; unique is built at complete.
 */
final class AddColumn implements Operation<AddColumn.Resolved> {
    private final int line;
    private final String table;
    private final ColumnSpec column;
    private final String up;

    private AddColumn(int line, String table, ColumnSpec column, String up) {
        this.line = line;
        this.table = table;
        this.column = column;
        this.up = up;
    }

    static AddColumn read(Fields f) {
        String table = f.string("table");
        ColumnSpec column = ColumnSpec.read(f.object("column"));
        String up = f.optString("up");
        f.done();
        return new AddColumn(f.line(), table, column, up);
    }

    @Override
    public String kind() {
        return "add_column";
    }

    @Override
    public int line() {
        return line;
    }

    /** The table it adds to, and the table its foreign key references (null without one). */
    record Resolved(TableDraft t, String referenced) {
    }

    @Override
    public Resolved validate(Expansion x) {
        TableDraft t = x.table(table, line, kind());
        x.requireNewColumn(t, column.name(), line, kind());
        if (column.pk()) {
            throw x.error(line, "add_column: " + table + "." + column.name() + " cannot join the primary key of an"
                    + " existing table; use create_constraint or a new table");
        }
        if (column.generated() != null && up != null) {
            throw x.error(line, "add_column: " + table + "." + column.name() + " is generated, so it computes its own"
                    + " value; leave out 'up'");
        }
        if (column.generated() != null && !t.created) {
            throw x.error(line, "add_column: " + table + "." + column.name() + refuseGenerated());
        }
        if (!column.nullable() && column.defaultSql() == null && up == null && !t.created) {
            throw x.error(line, "add_column: " + table + "." + column.name() + " is NOT NULL (columns are unless they say"
                    + " nullable: true) but has neither a default nor an up expression to fill existing rows");
        }
        String referenced = null;
        if (column.references() != null) {
            referenced = x.referencedTable(column.references().table(), line, kind());
        }
        t.columns.add(new TableDraft.Column(column.name(), column.name(), column.type()));
        t.changedColumns.add(column.name());
        String fill = up != null ? up : catalogOnly(column.defaultSql()) ? null : column.defaultSql();
        if (fill != null) {
            t.syncs.add(new TableDraft.Sync(null, column.name(), fill, null, up != null
                    ? TableDraft.Refresh.WHEN_INPUTS_CHANGE : TableDraft.Refresh.WHEN_EMPTY, line));
            t.backfill = true;
        }
        return new Resolved(t, referenced);
    }

    /**
     * Why a generated column cannot be added to a table with rows without downtime, and what to do instead:
     * PostgreSQL computes it for every row at once, rewriting the table under ACCESS EXCLUSIVE.
     */
    private String refuseGenerated() {
        String why = " cannot be added online: adding " + (column.generated().identity() != null
                ? "an identity column" : "a stored generated column") + " to an existing table rewrites it under an"
                + " ACCESS EXCLUSIVE lock (PostgreSQL computes the value of every row at once), which blocks reads and"
                + " writes for as long as the rewrite takes. ";
        return why + (column.generated().identity() != null
                ? "Instead, create a sequence in an earlier SQL migration and add a plain column with default:"
                + " nextval('the_seq'): the backfill numbers the existing rows in batches. Or give the identity to a"
                + " table created in this migration"
                : "Instead, add a plain column with up: " + column.generated().expression() + " (the sync trigger computes"
                + " it for the old version's writes and the backfill for existing rows), or create it with its table");
    }

    /** Defaults PostgreSQL can store in the catalog without evaluating per row: literals only, to be sure. */
    private static boolean catalogOnly(String sql) {
        return sql == null || sql.strip().matches("(?i)'([^']|'')*'(::[\\w ]+)?|-?\\d+(\\.\\d+)?|true|false|null");
    }

    @Override
    public List<Action> start(Expansion x, Resolved r) {
        TableDraft t = r.t();
        String referenced = r.referenced();
        List<Action> out = new ArrayList<>();
        String qt = x.qualified(t.physical);
        String where = t.name + "." + column.name();
        boolean catalogDefault = column.defaultSql() != null && catalogOnly(column.defaultSql());
        if (column.generated() != null) {
            // Only on a table this migration creates (validate refuses it elsewhere): nobody reads it yet, no rows.
            out.add(Action.of(Phase.START, Stage.COLUMNS, "add " + where + " (" + column.generated().clause() + ")",
                    PostgresExpandDdl.addColumn(qt, column.definition(false))));
        } else {
            out.add(Action.of(Phase.START, Stage.COLUMNS, "add " + where, PostgresExpandDdl.addColumn(qt, column.name(),
                    PostgresDefinitions.withDefault(column.type(), catalogDefault ? column.defaultSql() : null))));
        }
        if (column.defaultSql() != null && !catalogDefault) {
            out.add(Action.of(Phase.START, Stage.COLUMNS, "default of " + where + " for new rows",
                    PostgresExpandDdl.setDefault(qt, column.name(), column.defaultSql())));
        }
        if (column.comment() != null) {
            out.add(Action.of(Phase.START, Stage.COLUMNS, "comment on " + where,
                    PostgresExpandDdl.commentOnColumn(qt, column.name(), column.comment())));
        }
        if (!column.nullable() && column.generated() == null) {
            out.add(Constraints.notNullCheck(x, t, column.name()));
        }
        if (column.check() != null) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "check " + column.check().name() + " (NOT VALID)",
                    Constraints.addNotValid(x, t, column.check().name(), column.check().clause())));
        }
        if (column.references() != null) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "foreign key " + column.references().name() + " (NOT VALID)",
                    Constraints.addNotValid(x, t, column.references().name(), PostgresDefinitions.foreignKey(
                            List.of(column.name()), column.references().clause(x, referenced)))));
        }
        return out;
    }

    private String uniqueName(TableDraft t) {
        return Names.fit(t.physical + "_" + column.name() + "_key");
    }

    @Override
    public List<Action> complete(Expansion x, Resolved r) {
        TableDraft t = r.t();
        String referenced = r.referenced();
        List<Action> out = new ArrayList<>();
        if (!column.nullable() && column.generated() == null) {
            out.addAll(Constraints.completeNotNull(x, t, column.name(), column.name()));
        }
        if (column.check() != null) {
            out.add(Constraints.validate(x, t, column.check().name(), PostgresDefinitions.not(column.check().constraint())));
        }
        if (column.references() != null) {
            out.add(Constraints.validate(x, t, column.references().name(), PostgresExpandDdl.orphans(
                    x.qualified(t.physical), List.of(column.name()), x.qualified(referenced),
                    List.of(column.references().columns().get(0)))));
        }
        if (column.unique()) {
            out.addAll(Constraints.completeUnique(x, t, uniqueName(t), List.of(column.name()), false));
        }
        return out;
    }

    @Override
    public List<Action> rollback(Expansion x, Resolved r) {
        return column.unique() ? List.of(Constraints.dropIndexOnRollback(x, uniqueName(r.t()))) : List.of();
    }
}
