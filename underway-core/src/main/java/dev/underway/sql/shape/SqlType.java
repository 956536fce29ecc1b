package dev.underway.sql.shape;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column type as written, with PostgreSQL and MySQL aliases folded to one name
 * ({@code int4} and {@code integer} are both {@code integer}) so type changes can be compared.
 *
 * @param name    the canonical base name, lower case ({@code varchar}, {@code numeric}, {@code enum})
 * @param args    the arguments in parentheses: lengths, precision/scale, ENUM/SET values (quotes removed)
 * @param array   PostgreSQL {@code []}
 * @param charset MySQL {@code CHARACTER SET} of the column, or null
 * @param text    the type as written, for messages
 */
public record SqlType(String name, List<String> args, boolean array, String charset, String text) {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("character varying", "varchar"),
            Map.entry("char varying", "varchar"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"), Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("double", "double precision"),
            Map.entry("float4", "real"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"), Map.entry("varbit", "bit varying"),
            Map.entry("integer unsigned", "integer unsigned"), Map.entry("mediumint", "mediumint"));

    public SqlType {
        args = List.copyOf(args);
    }

    /** Builds a type from its words ({@code character varying}), arguments and flags. */
    public static SqlType of(String words, List<String> args, boolean array, String charset, String text) {
        String w = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return new SqlType(ALIASES.getOrDefault(w, w), args, array, charset, text);
    }

    public boolean is(String canonical) {
        return name.equals(canonical);
    }

    /** The first argument as a number, or -1 when absent or not numeric. */
    public int length() {
        return numberArg(0);
    }

    public int numberArg(int i) {
        if (i >= args.size()) {
            return -1;
        }
        try {
            return Integer.parseInt(args.get(i).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** PostgreSQL serial types, which add a sequence default. */
    public static boolean isSerial(String word) {
        return word.toLowerCase(Locale.ROOT).matches("(small|big)?serial[248]?");
    }

    @Override
    public String toString() {
        return text;
    }
}
