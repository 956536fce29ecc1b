package dev.underway.op;

import dev.underway.migration.Action;

import java.util.List;

/** {@code rename_table}: the new version shows the table under its new name at once; complete renames it. */
final class RenameTable implements Operation<TableDraft> {
    private final int line;
    private final String from;
    private final String to;

    private RenameTable(int line, String from, String to) {
        this.line = line;
        this.from = from;
        this.to = to;
    }

    static RenameTable read(Fields f) {
        RenameTable r = new RenameTable(f.line(), f.string("from"), f.string("to"));
        f.done();
        return r;
    }

    @Override
    public String kind() {
        return "rename_table";
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public TableDraft validate(Expansion x) {
        TableDraft t = x.table(from, line, kind());
        if (x.before.table(to).isPresent() || x.drafts.values().stream().anyMatch(d -> d.name.equals(to) && !d.dropped)) {
            throw x.error(line, "rename_table: table " + to + " already exists in schema " + x.schema());
        }
        if (t.created) {
            throw x.error(line, "rename_table: " + from + " is created by this migration; give it its final name there");
        }
        t.name = to;
        return t;
    }

    @Override
    public List<Action> start(Expansion x, TableDraft t) {
        return List.of();
    }
}
