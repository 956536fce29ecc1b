/**
 * The lint rules, one class per theme (index builds, constraints, rewrites, partitions, breaking changes, lock
 * timeouts, MySQL copies), each rule a {@code Rule} constant of data plus a check over a {@code StatementContext},
 * listed by its class's {@code all()} and collected by {@code lint.Rules}. A rule reads the statement's shape and
 * verdict; facts it needs go into {@code sql.shape} or the dialect, not into the rule. Same dependencies as
 * {@code lint}: nothing from the executor or above.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.lint.rules;
