package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;
import dev.underway.migration.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexes and constraints on columns that are copied: the old ones vanish with the old column
 * at complete, so each is rebuilt on the copy first, under a temporary name, without long
 * locks (indexes concurrently at start, after the backfill, so the new version has them while
 * it runs; checks and foreign keys NOT VALID at start and validated at complete), and takes its
 * original name in the contract.
 */
final class CarriedOver {
    private CarriedOver() {
    }

    /** Old physical column to its copy, for the table's copied columns. */
    private static Map<String, String> copies(TableDraft t) {
        Map<String, String> m = new LinkedHashMap<>();
        t.syncs.stream().filter(s -> s.oldColumn() != null && s.newColumn() != null)
                .forEach(s -> m.put(s.oldColumn(), s.newColumn()));
        return m;
    }

    private static boolean touches(List<String> columns, Map<String, String> copies) {
        return columns.stream().anyMatch(copies::containsKey);
    }

    private static List<SchemaSnapshot.Index> indexes(TableDraft t, Map<String, String> copies) {
        return t.before == null ? List.of() : t.before.indexes().values().stream()
                .filter(i -> !i.primary() && touches(i.columns(), copies)).toList();
    }

    private static List<SchemaSnapshot.Constraint> constraints(TableDraft t, Map<String, String> copies) {
        return t.before == null ? List.of() : t.before.constraints().values().stream()
                .filter(k -> (k.type().equals("c") || k.type().equals("f")) && touches(k.columns(), copies)).toList();
    }

    static String temporary(String name) {
        return Names.fit(Names.PREFIX + name);
    }

    /** The constraint's definition on the copies; for a foreign key only the local columns are renamed. */
    private static String onCopies(Expansion x, SchemaSnapshot.Constraint k, Map<String, String> copies) {
        String def = k.definition();
        int references = PostgresDefinitions.referencesStart(def);
        if (k.type().equals("f") && references > 0) {
            return Expressions.renameColumns(def.substring(0, references), copies, x.syntax()) + def.substring(references);
        }
        return Expressions.renameColumns(def, copies, x.syntax());
    }

    static List<Action> start(Expansion x, TableDraft t) {
        Map<String, String> copies = copies(t);
        List<Action> out = new ArrayList<>();
        for (SchemaSnapshot.Index i : indexes(t, copies)) {
            // At start, so the new version's queries (and its ON CONFLICT on a unique column) have them too.
            String rest = Expressions.renameColumns(PostgresDefinitions.indexBodyOf(i.definition()), copies, x.syntax());
            List<String> cols = i.columns().stream().map(c -> copies.getOrDefault(c, c)).toList();
            Violation duplicates = i.unique() ? new Violation("unique index " + i.name() + " on " + t.name
                    + " rebuilt on the new columns (duplicates)", PostgresExpandDdl.sampleDuplicates(
                    x.qualified(t.physical), cols)) : null;
            out.add(new Action(Phase.START, Stage.COPY_INDEXES, "rebuild index " + i.name() + " on the copies concurrently",
                    List.of(PostgresExpandDdl.createIndexConcurrently(i.unique(), temporary(i.name()),
                            x.qualified(t.physical), rest)),
                    List.of(), true, null, duplicates));
        }
        for (SchemaSnapshot.Constraint k : constraints(t, copies)) {
            String def = PostgresDefinitions.withoutNotValid(onCopies(x, k, copies));
            out.add(Action.of(Phase.START, Stage.CONSTRAINTS, "carry " + k.name() + " of " + t.name + " over to the copy"
                    + " (NOT VALID)", Constraints.addNotValid(x, t, temporary(k.name()), def)));
        }
        return out;
    }

    static List<Action> complete(Expansion x, TableDraft t) {
        Map<String, String> copies = copies(t);
        List<Action> out = new ArrayList<>();
        for (SchemaSnapshot.Constraint k : constraints(t, copies)) {
            String condition = PostgresDefinitions.checkCondition(onCopies(x, k, copies));
            Action validate = condition != null
                    ? Constraints.validate(x, t, temporary(k.name()), PostgresDefinitions.not(condition))
                    : Action.validation(Stage.VALIDATE, Phase.COMPLETE, "validate " + temporary(k.name()) + " on " + t.name,
                    PostgresExpandDdl.validateConstraint(x.qualified(t.physical), temporary(k.name())), null);
            out.add(validate);
        }
        return out;
    }

    /** After the old columns are dropped (and their indexes and constraints with them): the original names. */
    static List<Action> contract(Expansion x, TableDraft t) {
        Map<String, String> copies = copies(t);
        List<Action> out = new ArrayList<>();
        for (SchemaSnapshot.Constraint k : constraints(t, copies)) {
            out.add(Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename " + temporary(k.name()) + " to " + k.name(),
                    PostgresExpandDdl.renameConstraint(x.qualified(t.physical), temporary(k.name()), k.name())));
        }
        for (SchemaSnapshot.Index i : indexes(t, copies)) {
            SchemaSnapshot.Constraint backed = t.before.constraints().get(i.name());
            out.add(backed != null && backed.type().equals("u")
                    ? Action.of(Phase.COMPLETE, Stage.CONTRACT, "unique constraint " + i.name() + " from the rebuilt index",
                    PostgresExpandDdl.addConstraintUsingIndex(x.qualified(t.physical), i.name(), false,
                            temporary(i.name())))
                    : Action.of(Phase.COMPLETE, Stage.CONTRACT, "rename index " + temporary(i.name()) + " to " + i.name(),
                    PostgresExpandDdl.renameIndex(x.qualified(temporary(i.name())), i.name())));
        }
        return out;
    }

    static List<Action> rollback(Expansion x, TableDraft t) {
        return indexes(t, copies(t)).stream().map(i -> Constraints.dropIndexOnRollback(x, temporary(i.name()))).toList();
    }
}
