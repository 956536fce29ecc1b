/**
 * {@code lint --fix}: {@code Fixer} rewrites the statements behind mechanical findings into their safe form
 * ({@code StatementRewrites}: CONCURRENTLY, NOT VALID + VALIDATE, ...) and returns new file texts ({@code FixedFile});
 * it writes no files itself. Same dependencies as {@code lint}: nothing from the executor or above.
 */
package dev.underway.lint.fix;
