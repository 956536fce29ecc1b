package dev.underway.dialect.postgres;

import java.util.List;
import java.util.stream.Collectors;

import static dev.underway.dialect.postgres.PostgresQuoting.literal;
import static dev.underway.dialect.postgres.PostgresQuoting.quote;

/**
 * The PostgreSQL text of the declarative operations' table changes: columns, constraints (NOT VALID, VALIDATE,
 * USING INDEX), concurrent indexes, renames, comments, replica identity, and the queries that name the rows a
 * failed validation found. Which statement runs in which phase is the operations' decision; this class only
 * writes it. {@code table} and {@code index} parameters are relations already quoted and qualified; column,
 * constraint and other names are quoted here; definitions, types and expressions are taken as written.
 */
public final class PostgresExpandDdl {
    private PostgresExpandDdl() {
    }

    /** @param definition the column as {@code ADD COLUMN} takes it: quoted name, type, clauses */
    public static String addColumn(String table, String definition) {
        return "ALTER TABLE " + table + " ADD COLUMN " + definition;
    }

    public static String addColumn(String table, String column, String type) {
        return addColumn(table, quote(column) + " " + type);
    }

    /** {@code ALTER TABLE ... ALTER COLUMN c change}, e.g. {@code SET NOT NULL}. */
    public static String alterColumn(String table, String column, String change) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " " + change;
    }

    public static String setNotNull(String table, String column) {
        return alterColumn(table, column, "SET NOT NULL");
    }

    public static String dropNotNull(String table, String column) {
        return alterColumn(table, column, "DROP NOT NULL");
    }

    /** {@code SET DEFAULT expr}, or {@code DROP DEFAULT} for null. */
    public static String setDefault(String table, String column, String defaultSql) {
        return alterColumn(table, column, defaultSql == null ? "DROP DEFAULT" : "SET DEFAULT " + defaultSql);
    }

    /** @param text null removes the comment */
    public static String commentOnColumn(String table, String column, String text) {
        return "COMMENT ON COLUMN " + table + "." + quote(column) + " IS " + (text == null ? "NULL" : literal(text));
    }

    public static String commentOnTable(String table, String text) {
        return "COMMENT ON TABLE " + table + " IS " + literal(text);
    }

    /** @param parts column definitions and table constraints, one per line */
    public static String createTable(String table, List<String> parts) {
        return "CREATE TABLE " + table + " (\n  " + String.join(",\n  ", parts) + "\n)";
    }

    public static String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }

    public static String renameTable(String table, String to) {
        return "ALTER TABLE " + table + " RENAME TO " + quote(to);
    }

    public static String dropColumn(String table, String column) {
        return "ALTER TABLE " + table + " DROP COLUMN " + quote(column);
    }

    public static String dropColumnIfExists(String table, String column) {
        return "ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + quote(column);
    }

    /** Drops the column and what depends on it. */
    public static String dropColumnCascade(String table, String column) {
        return dropColumn(table, column) + " CASCADE";
    }

    public static String renameColumn(String table, String from, String to) {
        return "ALTER TABLE " + table + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
    }

    /** @param definition the constraint as {@code ADD} takes it ({@code CONSTRAINT "k" CHECK (...)}) */
    public static String addConstraint(String table, String definition) {
        return "ALTER TABLE " + table + " ADD " + definition;
    }

    public static String addConstraintNotValid(String table, String name, String definition) {
        return "ALTER TABLE " + table + " ADD CONSTRAINT " + quote(name) + " " + definition + " NOT VALID";
    }

    /** A leftover of the constraint dropped and the check added NOT VALID, in one statement. */
    public static String replaceCheckNotValid(String table, String name, String condition) {
        return dropConstraintIfExists(table, name) + ", ADD CONSTRAINT " + quote(name) + " CHECK (" + condition
                + ") NOT VALID";
    }

    public static String notNullCheck(String column) {
        return PostgresDefinitions.check(PostgresDefinitions.isNotNull(column), false);
    }

    public static String validateConstraint(String table, String name) {
        return "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + quote(name);
    }

    public static String dropConstraint(String table, String name) {
        return "ALTER TABLE " + table + " DROP CONSTRAINT " + quote(name);
    }

    public static String dropConstraintIfExists(String table, String name) {
        return "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + quote(name);
    }

    public static String renameConstraint(String table, String from, String to) {
        return "ALTER TABLE " + table + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to);
    }

    /** A unique constraint, or the primary key, adopting an index built before. */
    public static String addConstraintUsingIndex(String table, String name, boolean primaryKey, String index) {
        return "ALTER TABLE " + table + " ADD CONSTRAINT " + quote(name) + (primaryKey ? " PRIMARY KEY" : " UNIQUE")
                + " USING INDEX " + quote(index);
    }

    public static String replicaIdentity(String table, String clause) {
        return "ALTER TABLE " + table + " REPLICA IDENTITY " + clause;
    }

    /** {@code USING INDEX "i"}, the replica identity clause of an index. */
    public static String replicaIdentityIndex(String index) {
        return "USING INDEX " + quote(index);
    }

    /** @param rest what follows the table: {@code USING}, the columns, {@code WITH}, {@code WHERE} */
    public static String createIndexConcurrently(boolean unique, String name, String table, String rest) {
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS " + quote(name) + " ON " + table
                + rest;
    }

    public static String dropIndexConcurrently(String index) {
        return "DROP INDEX CONCURRENTLY IF EXISTS " + index;
    }

    public static String renameIndex(String index, String to) {
        return "ALTER INDEX " + index + " RENAME TO " + quote(to);
    }

    /** Plans (without running) a cast of {@code expression} to {@code type}: planning folds constants, so it fails. */
    public static String castCheck(String expression, String type) {
        return "EXPLAIN SELECT " + PostgresDefinitions.cast(expression, type);
    }

    /** A row's key as text for messages: the key columns joined, or the row's ctid without a key. */
    public static String keyText(List<String> key) {
        return key.isEmpty() ? "ctid::text" : joinedText(key);
    }

    /** Up to five keys of rows of {@code table} that match {@code condition}. */
    public static String sampleRows(String table, String keyText, String condition) {
        return "SELECT " + keyText + " FROM " + table + " WHERE " + condition + " LIMIT 5";
    }

    /** Up to five values of {@code columns} that more than one row of {@code table} holds. */
    public static String sampleDuplicates(String table, List<String> columns) {
        return "SELECT " + joinedText(columns) + " FROM " + table + " GROUP BY "
                + columns.stream().map(PostgresQuoting::quote).collect(Collectors.joining(", ")) + " HAVING count(*) > 1 LIMIT 5";
    }

    private static String joinedText(List<String> columns) {
        return "concat_ws(', ', " + columns.stream().map(c -> quote(c) + "::text").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Rows of {@code table} whose foreign key columns hold a value and match no row of {@code referenced}
     * ({@code r}).
     */
    public static String orphans(String table, List<String> columns, String referenced, List<String> referencedColumns) {
        String match = java.util.stream.IntStream.range(0, columns.size()).mapToObj(i -> "r."
                + quote(referencedColumns.get(i)) + " = " + table + "." + quote(columns.get(i)))
                .collect(Collectors.joining(" AND "));
        String notNull = columns.stream().map(c -> table + "." + quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        return notNull + " AND NOT EXISTS (SELECT 1 FROM " + referenced + " r WHERE " + match + ")";
    }
}
