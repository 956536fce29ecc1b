/**
 * {@code lint --fix}: {@code Fixer} rewrites the statements behind mechanical findings into their safe form
 * ({@code StatementRewrites}: CONCURRENTLY, NOT VALID + VALIDATE, ...) and returns new file texts
 * ({@code report.FixedFile});
 * it writes no files itself. Same dependencies as {@code lint}: nothing from the executor or above.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.lint.fix;
