package dev.underway.sql.shape;

import java.util.Locale;

/**
 * A table (or index) name as written in a statement: the schema only when the statement
 * qualified it. Unquoted names are folded to lower case, as both engines compare them here.
 */
public record TableName(String schema, String name) {

    public static TableName of(String name) {
        return new TableName(null, name);
    }

    /** The key under which the schema model files this table: unqualified names match any schema. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
