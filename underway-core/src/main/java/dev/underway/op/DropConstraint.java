package dev.underway.op;

import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.List;

/**
 * {@code drop_constraint} (and pgroll's {@code drop_multicolumn_constraint}): the constraint
 * keeps holding for both versions until complete drops it. Dropping needs no copy, so the
 * {@code up}/{@code down} pgroll asks for are accepted and not needed.
 */
final class DropConstraint implements Operation<TableDraft> {
    private final String kind;
    private final int line;
    private final String table;
    private final String name;

    private DropConstraint(String kind, int line, String table, String name) {
        this.kind = kind;
        this.line = line;
        this.table = table;
        this.name = name;
    }

    static DropConstraint read(Fields f, String kind) {
        String table = f.string("table");
        String name = f.string("name");
        f.optString("column");
        f.has("up");
        f.has("down");
        f.done();
        return new DropConstraint(kind, f.line(), table, name);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public TableDraft validate(Expansion x) {
        TableDraft t = x.table(table, line, kind);
        if (t.before == null || !t.before.constraints().containsKey(name)) {
            throw x.error(line, kind + ": table " + table + " has no constraint named " + name);
        }
        return t;
    }

    @Override
    public List<Action> start(Expansion x, TableDraft t) {
        return List.of();
    }

    @Override
    public List<Action> complete(Expansion x, TableDraft t) {
        return List.of(Action.of(Phase.COMPLETE, Stage.CONTRACT, "drop constraint " + name + " of " + t.name,
                PostgresExpandDdl.dropConstraintIfExists(x.qualified(t.physical), name)));
    }
}
