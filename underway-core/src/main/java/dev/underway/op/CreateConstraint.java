package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * {@code create_constraint}. On an existing table, a check or foreign key would make the old
 * version's writes fail, so (as pgroll does) each column is copied, kept in sync with
 * {@code up}/{@code down}, and the constraint starts NOT VALID on the copies; complete validates
 * it. A unique constraint or primary key is built as a unique index concurrently at complete and
 * adopted with {@code ADD CONSTRAINT ... USING INDEX}; a column is copied for it only when its
 * {@code up} computes something (making duplicates unique, say). A nullable primary key column
 * gets a NOT VALID {@code IS NOT NULL} check at start, validated and turned into NOT NULL at
 * complete before the index is adopted, so adopting it scans nothing. An exclusion constraint has no online form (no CONCURRENTLY, no USING INDEX), so it is
 * refused on an existing table. On a table this migration creates, the constraint is simply added.
 */
final class CreateConstraint implements Operation<CreateConstraint.Resolved> {
    private static final Set<String> COPIED_ALWAYS = Set.of("check", "foreign_key");
    private final TableConstraint k;
    private final String table;
    private final Map<String, String> up;
    private final Map<String, String> down;

    private CreateConstraint(TableConstraint k, String table, Map<String, String> up, Map<String, String> down) {
        this.k = k;
        this.table = table;
        this.up = up;
        this.down = down;
    }

    static CreateConstraint read(Fields f) {
        String table = f.string("table");
        String name = f.string("name");
        String type = f.string("type");
        List<String> columns = f.has("columns") ? f.stringList("columns") : List.of();
        String check = f.optString("check");
        Fields refs = f.optObject("references");
        Map<String, String> up = f.stringMap("up");
        Map<String, String> down = f.stringMap("down");
        boolean noInherit = Boolean.TRUE.equals(f.optBool("no_inherit"));
        boolean nnd = Boolean.TRUE.equals(f.optBool("nulls_not_distinct"));
        Fields params = f.optObject("index_parameters");
        Fields ex = f.optObject("exclude");
        ReferenceSpec r = refs == null ? null : ReferenceSpec.read(refs, false);
        IndexParameters ip = IndexParameters.read(params);
        TableConstraint.Exclude e = ex == null ? null : TableConstraint.Exclude.read(ex);
        f.done();
        TableConstraint k = TableConstraint.checked(f, new TableConstraint(name, type, columns, check, r, false, false,
                noInherit, nnd, ip, e, f.line()));
        if (type.equals("check") && columns.isEmpty()) {
            throw f.error("columns", "constraint " + name + ": a check needs the 'columns' it reads (each is copied)");
        }
        for (String key : List.of("up", "down")) {
            Map<String, String> m = key.equals("up") ? up : down;
            for (String col : m.keySet()) {
                if (!columns.contains(col)) {
                    throw f.error(key, "'" + key + "' names column " + col + ", which is not in 'columns'");
                }
            }
        }
        return new CreateConstraint(k, table, up, down);
    }

    @Override
    public String kind() {
        return "create_constraint";
    }

    @Override
    public int line() {
        return k.line();
    }

    private boolean indexed() {
        return k.type().equals("unique") || k.type().equals("primary_key");
    }

    /**
     * What validation found: the table, the referenced table (null without a foreign key), the column copies, the
     * physical column for each named one, and the nullable columns of a new primary key that are not copied (they
     * get NOT NULL through a validated check).
     */
    record Resolved(TableDraft t, String referenced, List<ColumnCopy> copies, Map<String, String> physical,
                    List<String> notNull) {
        private List<String> cols(List<String> names) {
            return names.stream().map(physical::get).toList();
        }
    }

    @Override
    public Resolved validate(Expansion x) {
        TableDraft t = x.table(table, line(), kind());
        if (t.before != null && t.before.constraints().containsKey(k.name())) {
            throw x.error(line(), kind() + ": " + table + " already has a constraint named " + k.name());
        }
        String referenced = k.references() == null ? null : x.referencedTable(k.references().table(), line(), kind());
        List<ColumnCopy> copies = new ArrayList<>();
        Map<String, String> physical = new HashMap<>();
        List<String> notNull = new ArrayList<>();
        if (t.created) {
            // Nobody uses the table yet: the constraint is added as it is, up and down are not needed.
            for (String c : k.columns()) {
                x.column(t, c, line(), kind(), false);
            }
            return new Resolved(t, referenced, List.of(), Map.of(), List.of());
        }
        refuseUnsafe(x, t);
        for (String c : k.columns()) {
            SchemaSnapshot.Column old = t.before.column(t.column(c).map(col -> col.physical).orElse(c)).orElse(null);
            boolean copy = COPIED_ALWAYS.contains(k.type()) || computes(x, c);
            TableDraft.Column col = x.column(t, c, line(), kind(), copy);
            if (!copy) {
                physical.put(c, col.physical);
                if (k.type().equals("primary_key") && old != null && !old.notNull()) {
                    notNull.add(col.physical);
                }
                continue;
            }
            if (old == null) {
                throw x.error(line(), kind() + ": column " + c + " is new in this migration; give it the constraint where"
                        + " it is added");
            }
            ColumnCopy cc = new ColumnCopy(x, t, col, old.type(), old.defaultSql(),
                    old.notNull() || k.type().equals("primary_key"), up.get(c), down.get(c), line(), kind());
            cc.defaultDown(c);
            copies.add(cc);
            physical.put(c, cc.copy);
        }
        for (String c : k.index().includeColumns()) {
            physical.putIfAbsent(c, x.column(t, c, line(), kind(), false).physical);
        }
        return new Resolved(t, referenced, List.copyOf(copies), Collections.unmodifiableMap(physical),
                List.copyOf(notNull));
    }

    /** An {@code up} that computes something (not just the column itself) is honoured: the column is copied. */
    private boolean computes(Expansion x, String column) {
        String u = up.get(column);
        return u != null && !Expressions.isColumn(u, column, x.syntax());
    }

    private void refuseUnsafe(Expansion x, TableDraft t) {
        if (k.type().equals("exclude")) {
            throw x.error(line(), kind() + ": exclusion constraint " + k.name() + " cannot be added to existing table "
                    + table + " online: PostgreSQL builds its index under an ACCESS EXCLUSIVE lock (an exclusion"
                    + " constraint has no CONCURRENTLY and no USING INDEX form), blocking reads and writes for the whole"
                    + " build. Give it to a table when the migration creates it (create_table constraints), or add it in"
                    + " an SQL migration during a maintenance window");
        }
        if (k.type().equals("primary_key") && !t.before.primaryKey().isEmpty()) {
            throw x.error(line(), kind() + ": table " + table + " already has a primary key ("
                    + String.join(", ", t.before.primaryKey()) + "); drop it first with drop_constraint");
        }
        if (indexed()) {
            for (SchemaSnapshot.Table other : x.before.tables().values()) {
                if (other.indexes().containsKey(k.name())) {
                    throw x.error(line(), kind() + ": constraint " + k.name() + " gets an index of its name, but an index"
                            + " named " + k.name() + " already exists on " + other.name());
                }
            }
        }
    }

    private String checkExpression(Expansion x, Resolved r) {
        return Expressions.renameColumns(k.check(), r.physical(), x.syntax());
    }

    @Override
    public List<Action> start(Expansion x, Resolved r) {
        TableDraft t = r.t();
        String referenced = r.referenced();
        if (t.created) {
            return List.of(Action.of(Phase.START, Stage.CONSTRAINTS, k.type().replace('_', ' ') + " " + k.name() + " on new"
                    + " table " + t.name, PostgresExpandDdl.addConstraint(x.qualified(t.physical), k.definition(x, referenced))));
        }
        List<Action> out = new ArrayList<>();
        r.copies().forEach(c -> out.addAll(c.start()));
        r.notNull().forEach(c -> out.add(Constraints.notNullCheck(x, t, c)));
        if (k.type().equals("check")) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "check " + k.name() + " on " + t.name + " (NOT VALID)",
                    Constraints.addNotValid(x, t, k.name(), PostgresDefinitions.check(checkExpression(x, r),
                            k.noInherit()))));
        } else if (k.type().equals("foreign_key")) {
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "foreign key " + k.name() + " on " + t.name + " (NOT VALID)",
                    Constraints.addNotValid(x, t, k.name(), PostgresDefinitions.foreignKey(r.cols(k.columns()),
                            k.references().clause(x, referenced)))));
        }
        return out;
    }

    @Override
    public List<Action> complete(Expansion x, Resolved r) {
        TableDraft t = r.t();
        if (t.created) {
            return List.of();
        }
        List<Action> out = new ArrayList<>();
        r.copies().forEach(c -> out.addAll(c.complete(x)));
        r.notNull().forEach(c -> out.addAll(Constraints.completeNotNull(x, t, c, c)));
        IndexParameters index = new IndexParameters(r.cols(k.index().includeColumns()), k.index().storageParameters(),
                k.index().tablespace());
        switch (k.type()) {
            case "unique" -> out.addAll(Constraints.completeIndexed(x, t, k.name(), r.cols(k.columns()), false,
                    k.nullsNotDistinct(), index));
            case "primary_key" -> out.addAll(Constraints.completeIndexed(x, t, k.name(), r.cols(k.columns()),
                    true, false, index));
            case "check" -> out.add(Constraints.validate(x, t, k.name(), PostgresDefinitions.not(checkExpression(x, r))));
            default -> {
                out.add(Constraints.validate(x, t, k.name(), PostgresExpandDdl.orphans(x.qualified(t.physical),
                        r.cols(k.columns()), x.qualified(r.referenced()), k.references().columns())));
            }
        }
        return out;
    }

    @Override
    public List<Action> rollback(Expansion x, Resolved r) {
        TableDraft t = r.t();
        if (!indexed() || t.created) {
            return List.of();
        }
        List<Action> out = new ArrayList<>(List.of(Constraints.dropIndexOnRollback(x, k.name())));
        r.notNull().forEach(c -> out.add(Action.of(Phase.ROLLBACK, Stage.UNDO, "drop the NOT NULL check on " + t.name + "." + c,
                PostgresExpandDdl.dropConstraintIfExists(x.qualified(t.physical), Names.notNullCheck(t.physical, c)))));
        return out;
    }
}
