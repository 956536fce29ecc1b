package dev.underway.op;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.postgres.PostgresDefinitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One column of {@code create_index}, in any of the shapes pgroll has accepted over its releases:
 * a plain name ({@code columns: [name]}), an object in a list ({@code - column: name} or
 * {@code - name: name}, with settings), or an entry of a mapping keyed by the column
 * ({@code columns: {name: {sort: DESC}}}; the mapping keeps the file's order). The settings are
 * {@code collate}, {@code sort} ({@code ASC}/{@code DESC}), {@code nulls} ({@code FIRST}/{@code LAST})
 * and {@code opclass: {name, params}}.
 *
 * @param params the operator class parameters as written, {@code siglen=32}; empty without
 */
record IndexColumn(String name, String collate, String sort, String nulls, String opclass, List<String> params,
                   int line) {
    private static final Pattern PARAM = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*[A-Za-z0-9_.+-]+\\s*");

    static List<IndexColumn> readAll(Fields f, String key) {
        List<IndexColumn> out = new ArrayList<>();
        if (f.isMapping(key)) {
            Fields byName = f.object(key);
            for (String column : byName.keys()) {
                Fields settings = byName.optObject(column);
                out.add(settings == null ? new IndexColumn(column, null, null, null, null, List.of(), byName.line(column))
                        : read(settings, column, byName.line(column)));
            }
        } else {
            for (YamlNode item : f.list(key)) {
                if (item instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
                    out.add(new IndexColumn(s.text(), null, null, null, null, List.of(), item.line()));
                } else if (item instanceof YamlNode.Mapping) {
                    out.add(read(new Fields(f.file(), key, item), null, item.line()));
                } else {
                    throw UnderwayException.of(Reason.BAD_FILE, f.file() + ":" + item.line() + ": " + key + ": every item is a column"
                            + " name or {column: name, collate, sort, nulls, opclass}, found " + item.describe()).at(f.file(), item.line());
                }
            }
        }
        if (out.isEmpty()) {
            throw f.error(key, "'" + key + "' must not be empty");
        }
        return out;
    }

    /** @param keyed the column's name when it is the mapping's key; else {@code column} or {@code name} gives it */
    private static IndexColumn read(Fields f, String keyed, int line) {
        String name = keyed;
        if (name == null) {
            String column = f.optString("column");
            String alias = f.optString("name");
            if ((column == null) == (alias == null)) {
                throw f.error("an index column needs its name in 'column' (or 'name'), once");
            }
            name = column != null ? column : alias;
        }
        String collate = f.optString("collate");
        String sort = upper(f, "sort", List.of("ASC", "DESC"));
        String nulls = upper(f, "nulls", List.of("FIRST", "LAST"));
        Fields opclass = f.optObject("opclass");
        String opclassName = null;
        List<String> params = List.of();
        if (opclass != null) {
            opclassName = opclass.string("name");
            params = opclass.has("params") ? opclass.stringList("params") : List.of();
            for (String p : params) {
                if (!PARAM.matcher(p).matches()) {
                    throw opclass.error("params", "operator class parameter '" + p + "' is not of the form name=value");
                }
            }
            opclass.done();
        }
        f.done();
        return new IndexColumn(name, collate, sort, nulls, opclassName, params, line);
    }

    private static String upper(Fields f, String key, List<String> allowed) {
        String v = f.optString(key);
        if (v == null) {
            return null;
        }
        String u = v.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(u)) {
            throw f.error(key, key + " must be " + String.join(" or ", allowed) + ", got '" + v + "'");
        }
        return u;
    }

    /** The index element on the physical column. */
    String element(String physical) {
        return PostgresDefinitions.indexElement(physical, collate, opclass, params, sort, nulls);
    }
}
