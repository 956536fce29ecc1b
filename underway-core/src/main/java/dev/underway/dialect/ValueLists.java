package dev.underway.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHECK constraints that limit a column to a list of values, read from the catalog's rendering of
 * them, so that synthetic rows pick from the list instead of failing the check.
 */
public final class ValueLists {
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern IN_LIST = Pattern.compile("^\\(*`?([A-Za-z0-9_$]+)`?\\s+in\\s*\\((.*)\\)\\)*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ValueLists() {
    }

    /** The quoted values of PostgreSQL's {@code CHECK ((c = ANY (ARRAY['a'::text, 'b'::text])))}; empty otherwise. */
    public static List<String> anyArray(String definition) {
        if (!definition.contains("= ANY") || !definition.contains("ARRAY[") || definition.contains(" AND ")
                || definition.contains(" OR ")) {
            return List.of();
        }
        return quoted(definition.substring(definition.indexOf("ARRAY[")));
    }

    /** Column and values of MySQL's {@code `c` in ('a','b')}; null otherwise. */
    public static Map.Entry<String, List<String>> inList(String clause) {
        Matcher m = IN_LIST.matcher(clause.strip());
        if (!m.matches()) {
            return null;
        }
        List<String> values = quoted(m.group(2));
        return values.isEmpty() ? null : Map.entry(m.group(1), values);
    }

    private static List<String> quoted(String text) {
        List<String> out = new ArrayList<>();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            out.add(q.group(1).replace("''", "'"));
        }
        return out;
    }

    /** Marks the column as taking one of {@code values}. */
    public static void apply(List<ColumnProfile> columns, String column, List<String> values) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                columns.set(i, columns.get(i).limitedTo(values));
            }
        }
    }
}
