/**
 * Underway's own tables in the target database: the history ({@code HistoryTable}), the in-flight declarative
 * migrations ({@code OperationsTable}, {@code InFlight}, {@code migration.FlightPhase}) and backfill checkpoints
 * ({@code BackfillStateTable}, {@code migration.BackfillStatus}), and where they live ({@code StateLocation},
 * {@code StateLocator}). Their DDL comes from the dialect's column types; every value is bound. It may use
 * {@code plan} and {@code dialect}; it must not depend on the configuration, the executor, operations or anything
 * above them.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.state;
