package dev.underway.config;

import dev.underway.UnderwayException;
import dev.underway.dialect.QualifiedName;

/**
 * Where Underway keeps its own tables: a schema (PostgreSQL) or database (MySQL) named
 * {@code underway} by default, and an optional table-name prefix for servers where a separate
 * database is not allowed (then point {@code schema} at the application's database and use a
 * prefix such as {@code underway_}).
 */
public record StateLocation(String schema, String tablePrefix) {
    public static final StateLocation DEFAULT = new StateLocation("underway", "");

    public StateLocation {
        if (schema == null || schema.isBlank() || schema.length() > 63) {
            throw UnderwayException.usage("state schema must be 1 to 63 characters, got '" + schema + "'");
        }
        tablePrefix = tablePrefix == null ? "" : tablePrefix;
        if (tablePrefix.length() > 40) {
            throw UnderwayException.usage("state table prefix must be at most 40 characters");
        }
    }

    public QualifiedName table(String name) {
        return new QualifiedName(schema, tablePrefix + name);
    }

    public QualifiedName history() {
        return table("history");
    }
}
