/**
 * Safety analysis without a database: the {@code Linter} classifies every statement, asks the dialect's lock policy
 * for its verdict and runs every {@code Rule} ({@code Rules} lists them, by stable code), then applies
 * {@code Suppression}s; {@code MigrationGate} is migrate's lint gate. Results are {@code report.Finding}s in a
 * {@code report.LintReport}. It may use the layers below it ({@code config}, {@code state}, {@code plan}, {@code dialect},
 * {@code sql}); it must not depend on the executor, backfills, operations or anything above them.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.lint;
