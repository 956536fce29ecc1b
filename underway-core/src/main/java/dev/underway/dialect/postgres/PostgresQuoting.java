package dev.underway.dialect.postgres;

/** PostgreSQL's quoting of identifiers and string literals: the one place SQL text built for it is escaped. */
public final class PostgresQuoting {
    private PostgresQuoting() {
    }

    /** {@code my"table} → {@code "my""table"}. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A standard string literal ({@code standard_conforming_strings} is on since PostgreSQL 9.1). */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A relation qualified by its schema, both quoted. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }
}
