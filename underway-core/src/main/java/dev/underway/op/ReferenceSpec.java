package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A foreign key as pgroll writes it: on a column ({@code references: {name, table, column}})
 * or on several ({@code references: {table, columns}} of create_constraint).
 */
record ReferenceSpec(String name, String table, List<String> columns, String onDelete, String onUpdate,
                     String matchType, boolean deferrable, boolean initiallyDeferred, List<String> onDeleteSetColumns) {
    private static final Set<String> ACTIONS = Set.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT");
    private static final Set<String> MATCH = Set.of("SIMPLE", "FULL");

    /** {@code single}: the column form with {@code name} and {@code column}; else the constraint form with {@code columns}. */
    static ReferenceSpec read(Fields f, boolean single) {
        String name = single ? f.string("name") : null;
        String table = f.string("table");
        List<String> columns = single ? List.of(f.string("column")) : f.stringList("columns");
        String onDelete = action(f, "on_delete");
        String onUpdate = action(f, "on_update");
        String match = f.optString("match_type");
        if (match != null && match.equalsIgnoreCase("PARTIAL")) {
            throw f.error("match_type", "match_type PARTIAL is in pgroll's format, but PostgreSQL does not implement"
                    + " MATCH PARTIAL; use SIMPLE (the default) or FULL");
        }
        if (match != null && !MATCH.contains(match.toUpperCase(Locale.ROOT))) {
            throw f.error("match_type", "match_type must be SIMPLE or FULL, got '" + match + "'");
        }
        Boolean deferrable = f.optBool("deferrable");
        Boolean initially = f.optBool("initially_deferred");
        List<String> setColumns = !single && f.has("on_delete_set_columns") ? f.stringList("on_delete_set_columns")
                : List.of();
        f.done();
        if (!setColumns.isEmpty() && !"SET NULL".equals(onDelete) && !"SET DEFAULT".equals(onDelete)) {
            throw f.error("on_delete_set_columns", "on_delete_set_columns goes with on_delete: SET NULL or SET DEFAULT");
        }
        return new ReferenceSpec(name, table, columns, onDelete, onUpdate,
                match == null ? null : match.toUpperCase(Locale.ROOT), Boolean.TRUE.equals(deferrable),
                Boolean.TRUE.equals(initially), setColumns);
    }

    private static String action(Fields f, String key) {
        String a = f.optString(key);
        if (a == null) {
            return null;
        }
        String normal = a.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!ACTIONS.contains(normal)) {
            throw f.error(key, key + " must be one of " + String.join(", ", ACTIONS.stream().sorted().toList())
                    + ", got '" + a + "'");
        }
        return normal;
    }

    /** {@code REFERENCES "s"."t" ("c") ON DELETE ...}, pointing at the referenced table's physical name. */
    String clause(Expansion x, String referencedPhysical) {
        return PostgresDefinitions.references(x.qualified(referencedPhysical), columns, matchType, onDelete,
                onDeleteSetColumns, onUpdate, deferrable, initiallyDeferred);
    }
}
