/**
 * The declarative operations of YAML migrations (pgroll's format): {@code YamlMigration} reads a file into
 * {@code Operation}s; each operation validates itself against an {@code Expansion} of the schema and returns its
 * phases' {@code migration.Action}s as data, never running SQL; {@code MigrationPlan} orders and plans them into
 * {@code migration.PhasePlan}s. Operations decide what to do and in which phase; PostgreSQL DDL text and catalog reads belong to
 * {@code dialect.postgres}. It must not depend on {@code expand} or the tools above it, and nothing below the executor
 * may depend on it.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.op;
