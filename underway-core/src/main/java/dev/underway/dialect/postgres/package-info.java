/**
 * PostgreSQL (10 and later): {@code PostgresDialect} and one class per concern of {@code dialect}, the lock levels of
 * the manual ({@code PostgresLockPolicy}, {@code report.PgLock}), the one identifier and literal quoting
 * ({@code PostgresQuoting}), the one reader of {@code pg_locks} ({@code PostgresSessionProbe}), catalog readers and
 * the DDL text other packages need. The only package besides its own tests that uses the PostgreSQL JDBC driver. It
 * must not depend on {@code dialect.mysql}, nor on anything above the dialect layer.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.dialect.postgres;
