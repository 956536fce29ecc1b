package dev.underway.state;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.QualifiedName;

/**
 * Where Underway keeps its own tables: a schema (PostgreSQL) or database (MySQL) and a prefix
 * for the table names. {@link #DEFAULT} (both null) is resolved when Underway connects (see
 * {@code state.StateLocator}): schema {@code underway} on PostgreSQL, the target database itself
 * with the prefix {@code underway_} on MySQL/MariaDB. A schema given without a prefix gets none;
 * a prefix given without a schema goes with the engine's default schema.
 */
public record StateLocation(String schema, String tablePrefix) {
    public static final StateLocation DEFAULT = new StateLocation(null, null);
    /** The prefix of the default location inside the target database (MySQL/MariaDB). */
    public static final String IN_TARGET_PREFIX = "underway_";
    /** Where MySQL/MariaDB kept the state by default before it moved into the target database (and PostgreSQL still does). */
    public static final String SEPARATE_SCHEMA = "underway";

    public StateLocation {
        if (schema != null && (schema.isBlank() || schema.length() > 63)) {
            throw UnderwayException.of(Reason.BAD_OPTION, "state schema must be 1 to 63 characters, got '" + schema + "'");
        }
        if (tablePrefix != null && tablePrefix.length() > 40) {
            throw UnderwayException.of(Reason.BAD_OPTION, "state table prefix must be at most 40 characters");
        }
    }

    /** True when the schema is still to be chosen per engine (the default, or only a prefix given). */
    public boolean isDefault() {
        return schema == null;
    }

    public QualifiedName table(String name) {
        if (schema == null) {
            throw new IllegalStateException("the default state location is resolved when connecting (StateLocator)");
        }
        return new QualifiedName(schema, (tablePrefix == null ? "" : tablePrefix) + name);
    }

    public QualifiedName history() {
        return table("history");
    }
}
