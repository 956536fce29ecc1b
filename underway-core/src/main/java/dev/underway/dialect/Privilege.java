package dev.underway.dialect;

import dev.underway.migration.QualifiedName;

/**
 * A privilege a command needs on one object, and what for. Commands list them before their first change
 * and ask {@link Privileges} which are missing, so a role that lacks one is told which, on what, and how to
 * grant it, before anything is changed, instead of failing half-way.
 */
public sealed interface Privilege {
    /** What needs it, for the message: {@code to create schema underway for Underway's own tables}. */
    String purpose();

    /** Creating a schema (PostgreSQL: CREATE on the database) or a database (MySQL: CREATE on it). */
    record CreateSchema(String schema, String purpose) implements Privilege {
    }

    /** {@code USAGE} or {@code CREATE} on a schema (MySQL: CREATE on the database; USAGE always holds). */
    record OnSchema(String schema, String right, String purpose) implements Privilege {
    }

    /** {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE} on a table. */
    record OnTable(QualifiedName table, String right, String purpose) implements Privilege {
    }

    /** What {@code ALTER TABLE}, {@code CREATE INDEX} and triggers need: PostgreSQL ownership, MySQL ALTER. */
    record OwnTable(QualifiedName table, String purpose) implements Privilege {
    }
}
