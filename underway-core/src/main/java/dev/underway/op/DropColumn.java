package dev.underway.op;

import dev.underway.migration.Action;

import java.util.List;

/**
 * {@code drop_column}: the new version no longer shows the column; complete drops it. With
 * {@code down}, rows the new version writes get the dropped column computed, so the old version
 * (and a NOT NULL on the column) keep working.
 */
final class DropColumn implements Operation<TableDraft> {
    private final int line;
    private final String table;
    private final String column;
    private final String down;

    private DropColumn(int line, String table, String column, String down) {
        this.line = line;
        this.table = table;
        this.column = column;
        this.down = down;
    }

    static DropColumn read(Fields f) {
        DropColumn d = new DropColumn(f.line(), f.string("table"), f.string("column"), f.optString("down"));
        f.done();
        return d;
    }

    @Override
    public String kind() {
        return "drop_column";
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public TableDraft validate(Expansion x) {
        TableDraft t = x.table(table, line, kind());
        TableDraft.Column c = x.column(t, column, line, kind(), true);
        if (t.created || t.before.column(c.physical).isEmpty()) {
            throw x.error(line, "drop_column: " + table + "." + column + " is created by this migration; leave it out"
                    + " instead");
        }
        SchemaSnapshot.Column old = t.before.column(c.physical).orElseThrow();
        if (t.before.primaryKey().contains(c.physical)) {
            throw x.error(line, "drop_column: " + table + "." + column + " is part of the primary key");
        }
        if (old.notNull() && old.defaultSql() == null && !old.generated() && down == null) {
            throw x.error(line, "drop_column: " + table + "." + column + " is NOT NULL without a default, so rows the"
                    + " new version inserts would fail; give 'down' to compute it for them");
        }
        t.columns.remove(c);
        if (down != null) {
            t.syncs.add(new TableDraft.Sync(c.physical, null, null, down, TableDraft.Refresh.ALWAYS, line));
        }
        return t;
    }

    @Override
    public List<Action> start(Expansion x, TableDraft t) {
        return List.of();
    }
}
