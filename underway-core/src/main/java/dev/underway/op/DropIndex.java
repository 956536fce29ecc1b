package dev.underway.op;

import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.List;

/** {@code drop_index}: the index serves both versions until complete drops it concurrently. */
final class DropIndex implements Operation<TableDraft> {
    private final int line;
    private final String name;

    private DropIndex(int line, String name) {
        this.line = line;
        this.name = name;
    }

    static DropIndex read(Fields f) {
        DropIndex d = new DropIndex(f.line(), f.string("name"));
        f.done();
        return d;
    }

    @Override
    public String kind() {
        return "drop_index";
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public TableDraft validate(Expansion x) {
        SchemaSnapshot.Table owner = x.before.tables().values().stream().filter(t -> t.indexes().containsKey(name))
                .findFirst().orElseThrow(() -> x.error(line, "drop_index: index " + name + " does not exist in schema "
                        + x.schema()));
        SchemaSnapshot.Index index = owner.indexes().get(name);
        boolean backsConstraint = owner.constraints().containsKey(name);
        if (index.primary() || backsConstraint) {
            throw x.error(line, "drop_index: index " + name + " backs constraint " + name + " of " + owner.name()
                    + "; use drop_constraint");
        }
        return x.table(owner.name(), line, kind());
    }

    @Override
    public List<Action> start(Expansion x, TableDraft t) {
        return List.of();
    }

    @Override
    public List<Action> complete(Expansion x, TableDraft t) {
        return List.of(Action.concurrently(Phase.COMPLETE, Stage.AFTER, "drop index " + name + " concurrently",
                PostgresExpandDdl.dropIndexConcurrently(x.qualified(name))));
    }
}
