package dev.underway.op;

import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.List;

/** {@code rename_constraint}: constraint names are not visible through views, so the rename waits for complete. */
final class RenameConstraint implements Operation<TableDraft> {
    private final int line;
    private final String table;
    private final String from;
    private final String to;

    private RenameConstraint(int line, String table, String from, String to) {
        this.line = line;
        this.table = table;
        this.from = from;
        this.to = to;
    }

    static RenameConstraint read(Fields f) {
        RenameConstraint r = new RenameConstraint(f.line(), f.string("table"), f.string("from"), f.string("to"));
        f.done();
        return r;
    }

    @Override
    public String kind() {
        return "rename_constraint";
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public TableDraft validate(Expansion x) {
        TableDraft t = x.table(table, line, kind());
        if (t.before == null || !t.before.constraints().containsKey(from)) {
            throw x.error(line, "rename_constraint: table " + table + " has no constraint named " + from);
        }
        if (t.before.constraints().containsKey(to)) {
            throw x.error(line, "rename_constraint: table " + table + " already has a constraint named " + to);
        }
        return t;
    }

    @Override
    public List<Action> start(Expansion x, TableDraft t) {
        return List.of();
    }

    @Override
    public List<Action> complete(Expansion x, TableDraft t) {
        return List.of(Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename constraint " + from + " to " + to,
                PostgresExpandDdl.renameConstraint(x.qualified(t.physical), from, to)));
    }
}
