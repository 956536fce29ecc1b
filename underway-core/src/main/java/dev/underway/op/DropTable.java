package dev.underway.op;

import dev.underway.migration.Action;

import java.util.List;

/** {@code drop_table}: the new version no longer shows the table; complete drops it. */
final class DropTable implements Operation<TableDraft> {
    private final int line;
    private final String name;

    private DropTable(int line, String name) {
        this.line = line;
        this.name = name;
    }

    static DropTable read(Fields f) {
        DropTable d = new DropTable(f.line(), f.string("name"));
        f.done();
        return d;
    }

    @Override
    public String kind() {
        return "drop_table";
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public TableDraft validate(Expansion x) {
        TableDraft t = x.table(name, line, kind());
        for (SchemaSnapshot.Table other : x.before.tables().values()) {
            for (SchemaSnapshot.Constraint k : other.constraints().values()) {
                if (k.type().equals("f") && t.physical.equals(k.referencedTable()) && !other.name().equals(t.physical)) {
                    throw x.error(line, "drop_table: " + name + " is referenced by foreign key " + k.name() + " of "
                            + other.name() + "; drop that constraint first");
                }
            }
        }
        t.dropped = true;
        return t;
    }

    @Override
    public List<Action> start(Expansion x, TableDraft t) {
        return List.of();
    }
}
