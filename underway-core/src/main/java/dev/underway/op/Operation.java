package dev.underway.op;

import dev.underway.migration.Action;

import java.util.List;

/**
 * One declarative operation of a YAML migration (pgroll's format). An operation never runs SQL
 * and never changes: it checks itself against the schema as the operations before it left it,
 * records its change in the {@link Expansion}, returns what that check found (its resolved value
 * {@code R}: the table draft, the resolved columns, ...), and from that value returns the actions
 * of each phase as data.
 *
 * @param <R> what {@link #validate} found and the phases read
 */
public sealed interface Operation<R>
        permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, CreateIndex, DropIndex,
        CreateConstraint, DropConstraint, RenameConstraint, SetReplicaIdentity, RawSql {

    /** The operation's key in the file: {@code alter_column}. */
    String kind();

    /** The file line the operation starts on. */
    int line();

    /**
     * Refuses what cannot work against the schema, records the change in the new version's drafts,
     * and returns what the phases need of what it found.
     */
    R validate(Expansion x);

    /** Expand: what start runs, from what {@link #validate} found. */
    List<Action> start(Expansion x, R resolved);

    /** Contract: validations and the removal of the old shape. */
    default List<Action> complete(Expansion x, R resolved) {
        return List.of();
    }

    /** Undo start; every action must work whether or not start got that far. */
    default List<Action> rollback(Expansion x, R resolved) {
        return List.of();
    }

    /** Validates the operation: it and what it found, ready for its phases. */
    static <R> Validated<R> validated(Operation<R> operation, Expansion x) {
        return new Validated<>(operation, operation.validate(x));
    }

    /** An operation with what its validation found: a plan holds these and asks them for each phase's actions. */
    record Validated<R>(Operation<R> operation, R resolved) {
        List<Action> start(Expansion x) {
            return operation.start(x, resolved);
        }

        List<Action> complete(Expansion x) {
            return operation.complete(x, resolved);
        }

        List<Action> rollback(Expansion x) {
            return operation.rollback(x, resolved);
        }
    }
}
