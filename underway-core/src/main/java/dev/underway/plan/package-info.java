/**
 * The migration files and their model: {@code MigrationDirectory} (the one walker of a migration directory, SQL and
 * YAML files), file names and versions ({@code MigrationName}, {@code MigrationVersion}), checksums, scripts, the
 * history's rows ({@code HistoryRow}, {@code HistoryPhase}) and {@code MigrationStates}, which compares the directory
 * with the history without touching a database. It may use {@code sql} and {@code dialect}; it must not depend on the
 * state tables, the configuration, lint, the executor or anything above them.
 */
package dev.underway.plan;
