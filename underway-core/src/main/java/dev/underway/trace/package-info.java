/**
 * {@code underway trace}: {@code MigrationTracer} runs migrations statement by statement on a {@code ScratchDatabase}
 * (PostgreSQL) and compares what each really locked and rewrote ({@code report.Observation}) with its static verdict
 * ({@code TraceComparison}). Catalog and lock reading belong to the dialect. It must not depend on {@code rehearse} or
 * the facade.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.trace;
