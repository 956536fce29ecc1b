package dev.underway.dialect.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static dev.underway.dialect.postgres.PostgresQuoting.quote;

/**
 * The PostgreSQL text of the parts the declarative operations' statements are made of: column definitions, table
 * constraints (check, unique, primary key, foreign key, exclusion) with their index parameters, index elements, and
 * the conditions a validation looks for. {@link PostgresExpandDdl} puts them into statements. Names (columns,
 * constraints, tablespaces, collations, operator classes) are quoted here; {@code table} parameters are relations
 * already quoted and qualified; types, expressions and storage parameters are taken as written.
 */
public final class PostgresDefinitions {
    private PostgresDefinitions() {
    }

    /** The column in a table definition or an {@code ADD COLUMN}: name, type, default or generation, nullability. */
    public static String column(String name, String type, String defaultSql, String generation, boolean nullable) {
        return quote(name) + " " + withDefault(type, defaultSql) + (generation == null ? "" : " " + generation)
                + (nullable ? " NULL" : " NOT NULL");
    }

    /** The type, and its {@code DEFAULT} when there is one. */
    public static String withDefault(String type, String defaultSql) {
        return type + (defaultSql == null ? "" : " DEFAULT " + defaultSql);
    }

    /** A column of {@code CREATE TABLE} with its constraints ({@link #named named} ones, and {@code UNIQUE}). */
    public static String columnWithConstraints(String definition, boolean unique, List<String> constraints) {
        return definition + (unique ? " UNIQUE" : "") + constraints.stream().map(k -> " " + k).collect(Collectors.joining());
    }

    /**
     * @param kind            {@code ALWAYS} or {@code BY DEFAULT}
     * @param sequenceOptions what goes in the identity's parentheses ({@code START WITH 10}), or null
     */
    public static String identity(String kind, String sequenceOptions) {
        return "GENERATED " + kind + " AS IDENTITY"
                + (sequenceOptions == null || sequenceOptions.isBlank() ? "" : " (" + sequenceOptions + ")");
    }

    /** A stored generated column's clause. */
    public static String storedGenerated(String expression) {
        return "GENERATED ALWAYS AS (" + expression + ") STORED";
    }

    /** A constraint with its name: {@code CONSTRAINT "k" body [DEFERRABLE [INITIALLY DEFERRED]]}. */
    public static String named(String name, String body, boolean deferrable, boolean initiallyDeferred) {
        return "CONSTRAINT " + quote(name) + " " + body + (deferrable ? deferrable(initiallyDeferred) : "");
    }

    private static String deferrable(boolean initiallyDeferred) {
        return " DEFERRABLE" + (initiallyDeferred ? " INITIALLY DEFERRED" : "");
    }

    public static String check(String expression, boolean noInherit) {
        return "CHECK (" + expression + ")" + (noInherit ? " NO INHERIT" : "");
    }

    /** @param indexClause the index parameters of {@link #constraintIndex} */
    public static String unique(List<String> columns, boolean nullsNotDistinct, String indexClause) {
        return "UNIQUE" + (nullsNotDistinct ? " NULLS NOT DISTINCT " : " ") + columnList(columns) + indexClause;
    }

    public static String primaryKey(List<String> columns, String indexClause) {
        return "PRIMARY KEY " + columnList(columns) + indexClause;
    }

    /**
     * {@code EXCLUDE USING gist (room WITH =, during WITH &&) ... WHERE (predicate)}.
     *
     * @param method    the index method, or null for the default
     * @param predicate null for none
     */
    public static String exclude(String method, String elements, String indexClause, String predicate) {
        return "EXCLUDE" + (method == null ? "" : " USING " + method) + " (" + elements + ")" + indexClause
                + (predicate == null ? "" : " WHERE (" + predicate + ")");
    }

    /** @param references the {@link #references} clause */
    public static String foreignKey(List<String> columns, String references) {
        return "FOREIGN KEY " + columnList(columns) + " " + references;
    }

    /**
     * {@code REFERENCES "s"."t" ("c") MATCH ... ON DELETE ... ON UPDATE ... DEFERRABLE ...}.
     *
     * @param table              the referenced table, quoted and qualified
     * @param onDeleteSetColumns the columns {@code ON DELETE SET NULL/DEFAULT} sets; empty for all
     */
    public static String references(String table, List<String> columns, String matchType, String onDelete,
                                    List<String> onDeleteSetColumns, String onUpdate, boolean deferrable,
                                    boolean initiallyDeferred) {
        return "REFERENCES " + table + " " + columnList(columns) + (matchType == null ? "" : " MATCH " + matchType)
                + (onDelete == null ? "" : " ON DELETE " + onDelete
                + (onDeleteSetColumns.isEmpty() ? "" : " " + columnList(onDeleteSetColumns)))
                + (onUpdate == null ? "" : " ON UPDATE " + onUpdate) + (deferrable ? deferrable(initiallyDeferred) : "");
    }

    /** Index parameters after a constraint's columns: {@code INCLUDE (...) WITH (...) USING INDEX TABLESPACE ts}. */
    public static String constraintIndex(List<String> include, String storageParameters, String tablespace) {
        return include(include) + with(storageParameters)
                + (tablespace == null ? "" : " USING INDEX TABLESPACE " + quote(tablespace));
    }

    /** After a {@code CREATE INDEX}'s columns: {@code INCLUDE (...) [NULLS NOT DISTINCT] WITH (...) TABLESPACE ts}. */
    public static String indexParameters(List<String> include, boolean nullsNotDistinct, String storageParameters,
                                         String tablespace) {
        return include(include) + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "") + with(storageParameters)
                + (tablespace == null ? "" : " TABLESPACE " + quote(tablespace));
    }

    private static String include(List<String> columns) {
        return columns.isEmpty() ? "" : " INCLUDE " + columnList(columns);
    }

    private static String with(String storageParameters) {
        return storageParameters == null ? "" : " WITH (" + storageParameters + ")";
    }

    /**
     * What follows the table in {@code CREATE INDEX}: {@code USING method (elements) WITH (...) WHERE predicate}.
     *
     * @param method    the index method, or null for the default
     * @param elements  the {@link #indexElement index elements}
     * @param storage   storage parameters, or null
     * @param predicate a partial index's condition, or null
     */
    public static String indexBody(String method, List<String> elements, String storage, String predicate) {
        return (method == null ? "" : " USING " + method) + " (" + String.join(", ", elements) + ")" + with(storage)
                + (predicate == null ? "" : " WHERE " + predicate);
    }

    /** What follows the table in a plain {@code CREATE INDEX} on columns, with its {@link #indexParameters}. */
    public static String indexOn(List<String> columns, String parameters) {
        return " " + columnList(columns) + parameters;
    }

    /**
     * An index element: {@code "col" COLLATE "C" "text_pattern_ops" (siglen=32) DESC NULLS LAST}.
     *
     * @param collate a collation, possibly schema-qualified, or null
     * @param opclass an operator class, possibly schema-qualified, or null
     * @param params  the operator class's parameters as written ({@code siglen=32})
     * @param sort    {@code ASC}, {@code DESC} or null
     * @param nulls   {@code FIRST}, {@code LAST} or null
     */
    public static String indexElement(String column, String collate, String opclass, List<String> params, String sort,
                                      String nulls) {
        StringBuilder b = new StringBuilder(quote(column));
        if (collate != null) {
            b.append(" COLLATE ").append(qualifiedName(collate));
        }
        if (opclass != null) {
            b.append(' ').append(qualifiedName(opclass));
            if (!params.isEmpty()) {
                b.append(" (").append(params.stream().map(String::strip).collect(Collectors.joining(", "))).append(')');
            }
        }
        if (sort != null) {
            b.append(' ').append(sort);
        }
        if (nulls != null) {
            b.append(" NULLS ").append(nulls);
        }
        return b.toString();
    }

    /** A possibly schema-qualified name written with dots (a collation, an operator class), each part quoted. */
    private static String qualifiedName(String name) {
        return Arrays.stream(name.split("\\.", -1)).map(PostgresQuoting::quote).collect(Collectors.joining("."));
    }

    /** {@code ("a", "b")}. */
    public static String columnList(List<String> columns) {
        return "(" + columns.stream().map(PostgresQuoting::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code CAST((expression) AS type)}. */
    public static String cast(String expression, String type) {
        return "CAST((" + expression + ") AS " + type + ")";
    }

    /** The rows a validation looks for: those the condition does not hold for. */
    public static String not(String condition) {
        return "NOT (" + condition + ")";
    }

    public static String isNull(String column) {
        return quote(column) + " IS NULL";
    }

    public static String isNotNull(String column) {
        return quote(column) + " IS NOT NULL";
    }

    // Reading the server's own definitions (pg_get_constraintdef, pg_get_indexdef) to rebuild them on copies.

    /** Where a foreign key's {@code REFERENCES} clause starts in its definition; -1 without one. */
    public static int referencesStart(String definition) {
        return definition.toUpperCase(Locale.ROOT).indexOf(" REFERENCES ");
    }

    /** A check constraint's condition ({@code CHECK ((a > 0)) NO INHERIT} gives {@code (a > 0)}); null for another kind. */
    public static String checkCondition(String definition) {
        if (!definition.startsWith("CHECK (")) {
            return null;
        }
        String clause = definition.replaceAll("(?i)\\s+NO INHERIT$", "");
        return clause.substring("CHECK (".length(), clause.length() - 1);
    }

    /** A constraint's definition without its {@code NOT VALID}, to add it anew. */
    public static String withoutNotValid(String definition) {
        return definition.replaceAll("(?i)\\s+NOT VALID$", "");
    }

    /** What follows the table in an index's definition: {@code USING method (...) ...}. */
    public static String indexBodyOf(String definition) {
        return definition.substring(definition.indexOf(" USING "));
    }
}
