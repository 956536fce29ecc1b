/**
 * Synthetic rows for rehearsals: {@code SyntheticData} fills tables (referenced ones first, each in one transaction)
 * with values {@code RowGenerator} and {@code ColumnGenerator} make within each column's limits, read through the
 * dialect's {@code DataFill}. A tool on top of the library: it must not depend on {@code load}, {@code trace},
 * {@code rehearse} or the facade.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.synthetic;
