package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * {@code alter_column} (and {@code rename_column}): any of name, type, nullable, default, check,
 * unique, references and comment in one operation. A change the old version would feel (type,
 * NOT NULL, check, foreign key, a unique constraint whose {@code up} changes the values) goes into
 * a hidden copy kept in sync through {@code up} and {@code down}; catalog-only changes (name,
 * comment, default, dropping NOT NULL, unique without such an {@code up}) copy nothing and
 * backfill nothing.
 */
final class AlterColumn implements Operation<AlterColumn.Resolved> {
    private final String kind;
    private final int line;
    private final String table;
    private final String column;
    private final String name;
    private final String type;
    private final Boolean nullable;
    private final boolean setsDefault;
    private final String defaultSql;
    private final ColumnSpec.Check check;
    private final String unique;
    private final ReferenceSpec references;
    private final boolean setsComment;
    private final String comment;
    private final String up;
    private final String down;

    private AlterColumn(String kind, int line, String table, String column, String name, String type, Boolean nullable,
                        boolean setsDefault, String defaultSql, ColumnSpec.Check check, String unique,
                        ReferenceSpec references, boolean setsComment, String comment, String up, String down) {
        this.kind = kind;
        this.line = line;
        this.table = table;
        this.column = column;
        this.name = name;
        this.type = type;
        this.nullable = nullable;
        this.setsDefault = setsDefault;
        this.defaultSql = defaultSql;
        this.check = check;
        this.unique = unique;
        this.references = references;
        this.setsComment = setsComment;
        this.comment = comment;
        this.up = up;
        this.down = down;
    }

    static AlterColumn read(Fields f) {
        String table = f.string("table");
        String column = f.string("column");
        String name = f.optString("name");
        String type = f.optString("type");
        Boolean nullable = f.optBool("nullable");
        boolean setsDefault = f.has("default");
        String def = f.optString("default");
        Fields check = f.optObject("check");
        Fields unique = f.optObject("unique");
        Fields refs = f.optObject("references");
        boolean setsComment = f.has("comment");
        String comment = f.optString("comment");
        String up = f.optString("up");
        String down = f.optString("down");
        ColumnSpec.Check c = check == null ? null : ColumnSpec.Check.read(check);
        String u = null;
        if (unique != null) {
            u = unique.string("name");
            unique.done();
        }
        ReferenceSpec r = refs == null ? null : ReferenceSpec.read(refs, true);
        f.done();
        if (name == null && type == null && nullable == null && !setsDefault && c == null && u == null && r == null
                && !setsComment) {
            throw f.error("alter_column on " + table + "." + column + " changes nothing: give name, type, nullable,"
                    + " default, check, unique, references or comment");
        }
        return new AlterColumn("alter_column", f.line(), table, column, name, type, nullable, setsDefault, def, c, u, r,
                setsComment, comment, up, down);
    }

    /** pgroll's {@code rename_column: {table, from, to}}. */
    static AlterColumn readRename(Fields f) {
        String table = f.string("table");
        String from = f.string("from");
        String to = f.string("to");
        f.done();
        return new AlterColumn("rename_column", f.line(), table, from, to, null, null, false, null, null, null, null,
                false, null, null, null);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int line() {
        return line;
    }

    /**
     * What validation found: the table, the column as the snapshot has it, its copy (null when the change is
     * catalog-only), the physical column the new version reads, and the table the foreign key references.
     */
    record Resolved(TableDraft t, SchemaSnapshot.Column old, ColumnCopy copy, String physical, String referenced) {
        private String dropNotNull(Expansion x) {
            return PostgresExpandDdl.dropNotNull(x.qualified(t.physical), physical);
        }
    }

    private boolean copies(Expansion x, SchemaSnapshot.Column old) {
        return type != null || Boolean.FALSE.equals(nullable) && !old.notNull() || check != null || references != null
                || uniqueComputed(x);
    }

    /**
     * A unique constraint with an {@code up} that computes something (pgroll's example makes duplicates unique with
     * it): the values the constraint will hold differ from the old ones, so they go into a copy that the new version
     * sees and complete makes unique.
     */
    private boolean uniqueComputed(Expansion x) {
        return unique != null && up != null && !Expressions.isColumn(up, column, x.syntax());
    }

    @Override
    public Resolved validate(Expansion x) {
        TableDraft t = x.table(table, line, kind);
        if (t.created) {
            throw x.error(line, kind + ": table " + table + " is created by this migration; give the column its final"
                    + " shape in create_table");
        }
        TableDraft.Column c = x.column(t, column, line, kind, true);
        SchemaSnapshot.Column old = t.before.column(c.physical).orElseThrow();
        if (name != null && !name.equals(column)) {
            x.requireNewColumn(t, name, line, kind);
        }
        boolean copies = copies(x, old);
        if (copies && t.before.primaryKey().contains(c.physical)) {
            throw x.error(line, kind + ": column " + table + "." + column + " is part of the primary key; changing its"
                    + " type or constraints online needs a table rebuild, which expand/contract does not do");
        }
        String referenced = references == null ? null : x.referencedTable(references.table(), line, kind);
        ColumnCopy copy = null;
        if (copies) {
            String newType = type != null ? type : old.type();
            copy = new ColumnCopy(x, t, c, newType, setsDefault ? defaultSql : carriedDefault(old, newType),
                    nullable != null ? !nullable : old.notNull(), up, down, line, kind);
            String copied = copy.copy;
            c = t.columns.stream().filter(y -> y.physical.equals(copied)).findFirst().orElseThrow();
        }
        if (name != null) {
            c.name = name;
        }
        if (copy != null) {
            copy.defaultDown(c.name);
        }
        return new Resolved(t, old, copy, c.physical, referenced);
    }

    /** The old default for the copy: cast when the type changes ({@code '1'::text} does not fit an integer column). */
    private static String carriedDefault(SchemaSnapshot.Column old, String newType) {
        if (old.defaultSql() == null || newType.equalsIgnoreCase(old.type())) {
            return old.defaultSql();
        }
        return PostgresDefinitions.cast(old.defaultSql(), newType);
    }

    @Override
    public List<Action> start(Expansion x, Resolved r) {
        TableDraft t = r.t();
        SchemaSnapshot.Column old = r.old();
        String physical = r.physical();
        List<Action> out = new ArrayList<>();
        String where = t.name + "." + column;
        if (r.copy() != null) {
            out.addAll(r.copy().start());
        } else {
            if (setsDefault) {
                out.add(Action.of(Phase.START, Stage.COLUMNS, "default of " + where + " (catalog only)",
                        PostgresExpandDdl.setDefault(x.qualified(t.physical), physical, defaultSql)));
            }
            if (Boolean.TRUE.equals(nullable) && old.notNull()) {
                out.add(Action.of(Phase.START, Stage.COLUMNS, "allow NULL in " + where + " (catalog only)",
                        r.dropNotNull(x)));
            }
        }
        if (setsComment || r.copy() != null && old.comment() != null) {
            String text = setsComment ? comment : old.comment();
            out.add(Action.of(Phase.START, Stage.COLUMNS, "comment on " + where + " (catalog only)",
                    PostgresExpandDdl.commentOnColumn(x.qualified(t.physical), physical, text)));
        }
        if (check != null) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "check " + check.name() + " on " + where + " (NOT VALID)",
                    Constraints.addNotValid(x, t, check.name(), PostgresDefinitions.check(expression(x, physical),
                            check.noInherit()))));
        }
        if (references != null) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "foreign key " + references.name() + " on " + where
                    + " (NOT VALID)", Constraints.addNotValid(x, t, references.name(), PostgresDefinitions
                    .foreignKey(List.of(physical), references.clause(x, r.referenced())))));
        }
        return out;
    }

    /** The check as written (against the column's old or new name), on the physical column. */
    private String expression(Expansion x, String physical) {
        Map<String, String> renames = new HashMap<>();
        renames.put(column, physical);
        if (name != null) {
            renames.put(name, physical);
        }
        return Expressions.renameColumns(check.constraint(), renames, x.syntax());
    }

    @Override
    public List<Action> complete(Expansion x, Resolved r) {
        TableDraft t = r.t();
        String physical = r.physical();
        List<Action> out = new ArrayList<>();
        if (r.copy() != null) {
            out.addAll(r.copy().complete(x));
        }
        if (check != null) {
            out.add(Constraints.validate(x, t, check.name(), PostgresDefinitions.not(expression(x, physical))));
        }
        if (references != null) {
            String refColumn = references.columns().get(0);
            out.add(Constraints.validate(x, t, references.name(), PostgresExpandDdl.orphans(x.qualified(t.physical),
                    List.of(physical), x.qualified(r.referenced()), List.of(refColumn))));
        }
        if (unique != null) {
            out.addAll(Constraints.completeUnique(x, t, unique, List.of(physical), false));
        }
        return out;
    }

    @Override
    public List<Action> rollback(Expansion x, Resolved r) {
        TableDraft t = r.t();
        SchemaSnapshot.Column old = r.old();
        List<Action> out = new ArrayList<>();
        if (unique != null) {
            out.add(Constraints.dropIndexOnRollback(x, unique));
        }
        if (r.copy() != null) {
            return out;
        }
        String where = t.name + "." + column;
        String table = x.qualified(t.physical);
        if (setsDefault) {
            out.add(Action.of(Phase.ROLLBACK, Stage.UNDO, "restore the default of " + where,
                    PostgresExpandDdl.setDefault(table, old.name(), old.defaultSql())));
        }
        if (setsComment) {
            out.add(Action.of(Phase.ROLLBACK, Stage.UNDO, "restore the comment on " + where,
                    PostgresExpandDdl.commentOnColumn(table, old.name(), old.comment())));
        }
        if (Boolean.TRUE.equals(nullable) && old.notNull()) {
            String check = Names.notNullCheck(t.physical, old.name());
            out.add(Constraints.checkBeforeRestoring(x, t, check, PostgresDefinitions.isNotNull(old.name()),
                    "NOT NULL on " + where));
            out.add(Action.of(Phase.ROLLBACK, Stage.UNDO, "restore NOT NULL on " + where,
                    PostgresExpandDdl.setNotNull(table, old.name()),
                    PostgresExpandDdl.dropConstraint(table, check)));
        }
        return out;
    }
}
