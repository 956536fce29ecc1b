/**
 * The SQL lexer and statement splitter shared by all engines: {@code Lexer} keeps every character (comments and
 * whitespace are tokens), {@code StatementSplitter} splits a file as psql or the mysql client would, and
 * {@code migration.Directive}s are read from {@code -- underway:} comments. An engine's quirks come in as data
 * ({@code SqlSyntax}). Pure text processing: it must not depend on anything of Underway but the foundation types and
 * {@code wait}; no JDBC, no dialect.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.sql;
