/**
 * {@code underway rehearse}: {@code Rehearsal} builds the schema the rehearsed migrations expect on the database it is
 * given (a scratch one: the CLI makes it), fills it with synthetic rows, starts a simulated load, applies the
 * migrations through the executor and reports per statement what the application saw ({@code report.RehearsalReport},
 * {@code report.StepReport}, {@code StallAttribution}). The top tool layer: it may use every layer below it but must not
 * depend on the facade.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.rehearse;
