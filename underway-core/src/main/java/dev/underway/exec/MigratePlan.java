package dev.underway.exec;

import java.util.List;

/**
 * What migrate would do: the pending migrations in order, each with its execution mode.
 *
 * @param database     e.g. {@code PostgreSQL 17.6}
 * @param targetSchema the schema (or MySQL database) the migrations apply to
 */
public record MigratePlan(String database, String targetSchema, List<PlannedMigration> migrations) {
}
