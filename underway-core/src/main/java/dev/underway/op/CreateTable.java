package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;


/** {@code create_table}: a new table nobody uses yet, so it gets its constraints at once; rollback drops it. */
final class CreateTable implements Operation<List<String>> {
    private final int line;
    private final String name;
    private final List<ColumnSpec> columns;
    private final List<TableConstraint> constraints;
    private final String comment;

    private CreateTable(int line, String name, List<ColumnSpec> columns, List<TableConstraint> constraints,
                        String comment) {
        this.line = line;
        this.name = name;
        this.columns = columns;
        this.constraints = constraints;
        this.comment = comment;
    }

    static CreateTable read(Fields f) {
        String name = f.string("name");
        List<ColumnSpec> columns = ColumnSpec.readAll(f, "columns");
        List<TableConstraint> constraints = f.has("constraints")
                ? f.list("constraints").stream().map(n -> TableConstraint.read(new Fields(f.file(), "constraints", n)))
                .toList() : List.of();
        String comment = f.optString("comment");
        f.done();
        if (columns.isEmpty()) {
            throw f.error("columns", "create_table " + name + " needs at least one column");
        }
        return new CreateTable(f.line(), name, columns, constraints, comment);
    }

    @Override
    public String kind() {
        return "create_table";
    }

    /** The table it creates, as named in the file (the lint gate treats it as new in this migration). */
    String table() {
        return name;
    }

    @Override
    public int line() {
        return line;
    }

    /** Returns the tables its columns' and then its constraints' foreign keys reference (null for one without). */
    @Override
    public List<String> validate(Expansion x) {
        List<String> referenced = new ArrayList<>();
        TableDraft t = x.createTable(name, line);
        for (ColumnSpec c : columns) {
            if (t.column(c.name()).isPresent()) {
                throw x.error(c.line(), "create_table " + name + ": column " + c.name() + " is given twice");
            }
            t.columns.add(new TableDraft.Column(c.name(), c.name(), c.type()));
            if (c.references() != null) {
                referenced.add(x.referencedTable(c.references().table(), c.line(), kind()));
            }
        }
        for (TableConstraint k : constraints) {
            referenced.add(k.references() == null ? null : x.referencedTable(k.references().table(), k.line(), kind()));
        }
        return Collections.unmodifiableList(referenced);
    }

    @Override
    public List<Action> start(Expansion x, List<String> referenced) {
        List<String> parts = new ArrayList<>();
        int ref = 0;
        for (ColumnSpec c : columns) {
            List<String> named = new ArrayList<>();
            if (c.check() != null) {
                named.add(PostgresDefinitions.named(c.check().name(), c.check().clause(), false, false));
            }
            if (c.references() != null) {
                named.add(PostgresDefinitions.named(c.references().name(), c.references().clause(x, referenced.get(ref++)),
                        false, false));
            }
            parts.add(PostgresDefinitions.columnWithConstraints(c.definition(true), c.unique(), named));
        }
        List<String> pk = columns.stream().filter(ColumnSpec::pk).map(ColumnSpec::name).toList();
        if (!pk.isEmpty()) {
            parts.add(PostgresDefinitions.primaryKey(pk, ""));
        }
        for (TableConstraint k : constraints) {
            parts.add(k.definition(x, referenced.get(ref++)));
        }
        List<String> sql = new ArrayList<>();
        sql.add(PostgresExpandDdl.createTable(x.qualified(name), parts));
        if (comment != null) {
            sql.add(PostgresExpandDdl.commentOnTable(x.qualified(name), comment));
        }
        columns.stream().filter(c -> c.comment() != null).forEach(c -> sql.add(PostgresExpandDdl.commentOnColumn(
                x.qualified(name), c.name(), c.comment())));
        return List.of(new Action(Phase.START, Stage.COLUMNS, "create table " + name + " ("
                + columns.stream().map(ColumnSpec::name).collect(Collectors.joining(", ")) + ")", sql, List.of(), false,
                null, null));
    }
}
