/**
 * MySQL 8.0+ and MariaDB 10.6+ ({@code MariaDbDialect} extends {@code MySqlDialect}): one class per concern of
 * {@code dialect}, InnoDB's online DDL facts ({@code OnlineDdl}, {@code MySqlColumnChange}) with the version checks in
 * {@code MySqlFeatures} and the MariaDB differences in {@code MariaDbFeatures}, metadata locks and the processlist,
 * grants ({@code MySqlGrants}). The only package that uses the MariaDB JDBC driver. It must not depend on
 * {@code dialect.postgres}, nor on anything above the dialect layer.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.dialect.mysql;
