/**
 * The settings of a run, validated when built: {@code UnderwayConfig}, how to connect ({@code ConnectionSettings},
 * {@code JdbcUrl}, {@code ConnectionFailure} for a connection that cannot be opened) and how the executor keeps
 * statements from blocking the application ({@code migration.OnlineExecution}). It may use the layers below it ({@code state},
 * {@code plan}, {@code dialect}); it must not depend on lint, the executor, operations or the tools.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.config;
