package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;
import dev.underway.migration.Violation;

import java.util.List;

/**
 * The SQL of constraints added without long locks: NOT VALID at start, VALIDATE at complete
 * (with a query that names the offending rows when validation fails), NOT NULL through a
 * validated check, UNIQUE through a concurrent index.
 */
final class Constraints {
    private Constraints() {
    }

    /** The rows' keys as text for messages: the primary key, or the row's ctid without one. */
    static String keyText(Expansion x, TableDraft t) {
        List<String> pk = t.before == null ? List.of() : t.before.primaryKey();
        return PostgresExpandDdl.keyText(pk);
    }

    static String addNotValid(Expansion x, TableDraft t, String name, String definition) {
        return PostgresExpandDdl.addConstraintNotValid(x.qualified(t.physical), name, definition);
    }

    static Action validate(Expansion x, TableDraft t, String name, String violatingRows) {
        return validate(x, t, name, violatingRows, "constraint " + name + " on " + t.name);
    }

    /** @param what the constraint as the user knows it, for the message when rows break it */
    static Action validate(Expansion x, TableDraft t, String name, String violatingRows, String what) {
        String sample = PostgresExpandDdl.sampleRows(x.qualified(t.physical), keyText(x, t), violatingRows);
        return Action.validation(Stage.VALIDATE, Phase.COMPLETE, "validate " + what,
                PostgresExpandDdl.validateConstraint(x.qualified(t.physical), name),
                new Violation(what, sample));
    }

    /** NOT NULL without a scan under ACCESS EXCLUSIVE: a NOT VALID check now, validated and turned into NOT NULL at complete. */
    static Action notNullCheck(Expansion x, TableDraft t, String column) {
        return Action.of(Phase.START, Stage.CONSTRAINTS, "NOT NULL on " + t.name + "." + column + " as a NOT VALID check",
                addNotValid(x, t, Names.notNullCheck(t.physical, column), PostgresExpandDdl.notNullCheck(column)));
    }

    /** @param visible the column's name in the new version, for messages */
    static List<Action> completeNotNull(Expansion x, TableDraft t, String column, String visible) {
        String check = Names.notNullCheck(t.physical, column);
        return List.of(validate(x, t, check, PostgresDefinitions.isNull(column), "NOT NULL on " + t.name + "." + visible),
                Action.of(Phase.COMPLETE, Stage.CONTRACT, "SET NOT NULL on " + t.name + "." + column
                                + " (no scan: the validated check proves it)",
                        PostgresExpandDdl.setNotNull(x.qualified(t.physical), column),
                        PostgresExpandDdl.dropConstraint(x.qualified(t.physical), check)));
    }

    /** UNIQUE: the index is built concurrently at complete (duplicates then fail complete, not the application). */
    static List<Action> completeUnique(Expansion x, TableDraft t, String name, List<String> columns,
                                       boolean nullsNotDistinct) {
        return completeIndexed(x, t, name, columns, false, nullsNotDistinct, IndexParameters.NONE);
    }

    /**
     * UNIQUE or PRIMARY KEY on an existing table without a long lock: the unique index is built concurrently at
     * complete, then the contract adopts it ({@code ADD CONSTRAINT ... USING INDEX}: a brief ACCESS EXCLUSIVE lock, no
     * scan while the columns are NOT NULL, which a primary key's copies are made by then).
     *
     * @param primaryKey the primary key, else a unique constraint
     * @param index      include_columns, storage parameters and tablespace, on physical column names
     */
    static List<Action> completeIndexed(Expansion x, TableDraft t, String name, List<String> columns, boolean primaryKey,
                                        boolean nullsNotDistinct, IndexParameters index) {
        String sample = PostgresExpandDdl.sampleDuplicates(x.qualified(t.physical), columns);
        String what = primaryKey ? "primary key" : "unique constraint";
        return List.of(
                new Action(Phase.COMPLETE, Stage.VALIDATE, "build the unique index " + name + " on " + t.name
                        + " concurrently", List.of(PostgresExpandDdl.createIndexConcurrently(true, name,
                        x.qualified(t.physical), PostgresDefinitions.indexOn(columns, index.indexClause(nullsNotDistinct)))),
                        List.of(), true, null, new Violation(what + " " + name + " on " + t.name + " (duplicates)", sample)),
                Action.of(Phase.COMPLETE, Stage.CONTRACT, what + " " + name + " from its index",
                        PostgresExpandDdl.addConstraintUsingIndex(x.qualified(t.physical), name, primaryKey, name)));
    }

    /**
     * Rollback's check that the old shape's constraint holds again (the new version may have written rows that
     * break it): the constraint NOT VALID (replacing a leftover of an interrupted run), then validated in a
     * transaction of its own; when that fails, the constraint is dropped again, so the new version keeps working.
     */
    static Action checkBeforeRestoring(Expansion x, TableDraft t, String name, String condition, String what) {
        String drop = PostgresExpandDdl.dropConstraintIfExists(x.qualified(t.physical), name);
        Action validate = validate(x, t, name, PostgresDefinitions.not(condition), what);
        return Action.check(Phase.ROLLBACK, Stage.PREPARE_UNDO, "check that " + what + " holds again (NOT VALID check,"
                        + " then validated; dropped again if it does not)",
                List.of(PostgresExpandDdl.replaceCheckNotValid(x.qualified(t.physical), name, condition),
                        validate.sql().get(0)), validate.violation(), List.of(drop));
    }

    /** Drops an index start (or a complete that stopped in its validations) built, if it exists. */
    static Action dropIndexOnRollback(Expansion x, String name) {
        return Action.concurrently(Phase.ROLLBACK, Stage.PREPARE_UNDO, "drop the index " + name + " if it was built",
                PostgresExpandDdl.dropIndexConcurrently(x.qualified(name)));
    }
}
