package dev.underway.op;

import java.util.List;

/**
 * One declarative operation of a YAML migration (pgroll's format). An operation never runs SQL:
 * it checks itself against the schema as the operations before it left it, records its change
 * in the {@link Expansion}, and returns the actions of each phase as data.
 */
public sealed interface Operation
        permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, CreateIndex, DropIndex,
        CreateConstraint, DropConstraint, RenameConstraint, SetReplicaIdentity, RawSql {

    /** The operation's key in the file: {@code alter_column}. */
    String kind();

    /** The file line the operation starts on. */
    int line();

    /** Refuses what cannot work against the schema, and records the change in the new version's drafts. */
    void validate(Expansion x);

    /** Expand: what start runs, after {@link #validate}. */
    List<Action> start(Expansion x);

    /** Contract: validations and the removal of the old shape. */
    default List<Action> complete(Expansion x) {
        return List.of();
    }

    /** Undo start; every action must work whether or not start got that far. */
    default List<Action> rollback(Expansion x) {
        return List.of();
    }
}
