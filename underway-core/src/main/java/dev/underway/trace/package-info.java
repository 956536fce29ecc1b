/**
 * {@code underway trace}: {@code MigrationTracer} runs migrations statement by statement on a {@code ScratchDatabase}
 * (PostgreSQL) and compares what each really locked and rewrote ({@code Observation}) with its static verdict
 * ({@code TraceComparison}). Catalog and lock reading belong to the dialect. It must not depend on {@code rehearse} or
 * the facade.
 */
package dev.underway.trace;
