/**
 * Underway's own tables in the target database: the history ({@code HistoryTable}), the in-flight declarative
 * migrations ({@code OperationsTable}, {@code InFlight}, {@code FlightPhase}) and backfill checkpoints
 * ({@code BackfillStateTable}, {@code BackfillStatus}), and where they live ({@code StateLocation},
 * {@code StateLocator}). Their DDL comes from the dialect's column types; every value is bound. It may use
 * {@code plan} and {@code dialect}; it must not depend on the configuration, the executor, operations or anything
 * above them.
 */
package dev.underway.state;
