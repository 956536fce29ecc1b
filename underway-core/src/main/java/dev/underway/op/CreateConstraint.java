package dev.underway.op;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code create_constraint} on existing columns. A check or foreign key would make the old
 * version's writes fail, so (as pgroll does) each column is copied, kept in sync with
 * {@code up}/{@code down}, and the constraint starts NOT VALID on the copies; complete validates
 * it. A unique constraint needs no copy: its index is built concurrently at complete.
 */
final class CreateConstraint implements Operation {
    private static final Set<String> TYPES = Set.of("unique", "check", "foreign_key");
    private final int line;
    private final String table;
    private final String name;
    private final String type;
    private final List<String> columns;
    private final String check;
    private final ReferenceSpec references;
    private final Map<String, String> up;
    private final Map<String, String> down;
    private final boolean noInherit;
    private final boolean nullsNotDistinct;
    private TableDraft t;
    private String referenced;
    private final List<ColumnCopy> copies = new ArrayList<>();
    private final Map<String, String> physical = new HashMap<>();

    private CreateConstraint(int line, String table, String name, String type, List<String> columns, String check,
                             ReferenceSpec references, Map<String, String> up, Map<String, String> down,
                             boolean noInherit, boolean nullsNotDistinct) {
        this.line = line;
        this.table = table;
        this.name = name;
        this.type = type;
        this.columns = columns;
        this.check = check;
        this.references = references;
        this.up = up;
        this.down = down;
        this.noInherit = noInherit;
        this.nullsNotDistinct = nullsNotDistinct;
    }

    static CreateConstraint read(Fields f) {
        String table = f.string("table");
        String name = f.string("name");
        String type = f.string("type");
        List<String> columns = f.stringList("columns");
        String check = f.optString("check");
        Fields refs = f.optObject("references");
        Map<String, String> up = f.stringMap("up");
        Map<String, String> down = f.stringMap("down");
        boolean noInherit = Boolean.TRUE.equals(f.optBool("no_inherit"));
        boolean nnd = Boolean.TRUE.equals(f.optBool("nulls_not_distinct"));
        ReferenceSpec r = refs == null ? null : ReferenceSpec.read(refs, false);
        f.done();
        if (!TYPES.contains(type)) {
            throw f.error("type", "type must be unique, check or foreign_key, got '" + type + "'");
        }
        if (type.equals("check") != (check != null)) {
            throw f.error(check == null ? "type" : "check", "'check' goes with type: check, and only with it");
        }
        if (type.equals("foreign_key") != (r != null)) {
            throw f.error(r == null ? "type" : "references", "'references' goes with type: foreign_key, and only with it");
        }
        for (String key : List.of("up", "down")) {
            Map<String, String> m = key.equals("up") ? up : down;
            for (String col : m.keySet()) {
                if (!columns.contains(col)) {
                    throw f.error(key, "'" + key + "' names column " + col + ", which is not in 'columns'");
                }
            }
        }
        return new CreateConstraint(f.line(), table, name, type, columns, check, r, up, down, noInherit, nnd);
    }

    @Override
    public String kind() {
        return "create_constraint";
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public void validate(Expansion x) {
        t = x.table(table, line, kind());
        if (t.created) {
            throw x.error(line, "create_constraint: table " + table + " is created by this migration; put the"
                    + " constraint in create_table");
        }
        if (t.before.constraints().containsKey(name)) {
            throw x.error(line, "create_constraint: " + table + " already has a constraint named " + name);
        }
        if (references != null) {
            referenced = x.referencedTable(references.table(), line, kind());
        }
        for (String c : columns) {
            TableDraft.Column col = x.column(t, c, line, kind(), !type.equals("unique"));
            if (type.equals("unique")) {
                physical.put(c, col.physical);
                continue;
            }
            SchemaSnapshot.Column old = t.before.column(col.physical).orElseThrow(() -> x.error(line, kind()
                    + ": column " + c + " is new in this migration; give it the constraint where it is added"));
            ColumnCopy copy = new ColumnCopy(x, t, col, old.type(), old.defaultSql(), old.notNull(), up.get(c),
                    down.get(c), line, kind());
            copy.defaultDown(c);
            copies.add(copy);
            physical.put(c, copy.copy);
        }
    }

    private String cols() {
        return columns.stream().map(c -> Expansion.q(physical.get(c))).collect(Collectors.joining(", "));
    }

    private String checkExpression(Expansion x) {
        return Expressions.renameColumns(check, physical, x.syntax());
    }

    @Override
    public List<Action> start(Expansion x) {
        List<Action> out = new ArrayList<>();
        copies.forEach(c -> out.addAll(c.start()));
        if (type.equals("check")) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "check " + name + " on " + t.name + " (NOT VALID)",
                    Constraints.addNotValid(x, t, name, "CHECK (" + checkExpression(x) + ")"
                            + (noInherit ? " NO INHERIT" : ""))));
        } else if (type.equals("foreign_key")) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "foreign key " + name + " on " + t.name + " (NOT VALID)",
                    Constraints.addNotValid(x, t, name, "FOREIGN KEY (" + cols() + ") " + references.clause(x, referenced))));
        }
        return out;
    }

    @Override
    public List<Action> complete(Expansion x) {
        List<Action> out = new ArrayList<>();
        copies.forEach(c -> out.addAll(c.complete(x)));
        switch (type) {
            case "unique" -> out.addAll(Constraints.completeUnique(x, t, name,
                    columns.stream().map(physical::get).toList(), nullsNotDistinct));
            case "check" -> out.add(Constraints.validate(x, t, name, "NOT (" + checkExpression(x) + ")"));
            default -> {
                String self = x.qt(t.physical);
                List<String> refs = references.columns();
                String match = java.util.stream.IntStream.range(0, columns.size()).mapToObj(i -> "r."
                        + Expansion.q(refs.get(i)) + " = " + self + "." + Expansion.q(physical.get(columns.get(i))))
                        .collect(Collectors.joining(" AND "));
                String notNull = columns.stream().map(c -> self + "." + Expansion.q(physical.get(c)) + " IS NOT NULL")
                        .collect(Collectors.joining(" AND "));
                out.add(Constraints.validate(x, t, name, notNull + " AND NOT EXISTS (SELECT 1 FROM " + x.qt(referenced)
                        + " r WHERE " + match + ")"));
            }
        }
        return out;
    }

    @Override
    public List<Action> rollback(Expansion x) {
        return type.equals("unique") ? List.of(Constraints.dropIndexOnRollback(x, name)) : List.of();
    }
}
