/**
 * What a statement does, read from its tokens: {@code StatementClassifier} turns a {@code migration.SqlStatement} into a
 * {@code StatementShape} (kind, target table, modifiers such as CONCURRENTLY or ALGORITHM=, column and constraint
 * definitions), and {@code SchemaModel} replays earlier shapes into a small model of the schema. The classifier never
 * guesses and never judges locks (the dialect's lock policy does, from the shape). Like {@code sql}, it must not
 * depend on the dialects, JDBC or anything above them.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.sql.shape;
