/**
 * The migration files and their model: {@code MigrationDirectory} (the one walker of a migration directory, SQL and
 * YAML files), file names and versions ({@code migration.MigrationName}, {@code migration.MigrationVersion}), checksums, scripts, the
 * history's rows ({@code migration.HistoryRow}, {@code migration.HistoryPhase}) and {@code MigrationStates}, which compares the directory
 * with the history without touching a database. It may use {@code sql} and {@code dialect}; it must not depend on the
 * state tables, the configuration, lint, the executor or anything above them.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.plan;
