package dev.underway.dialect.postgres;

import java.util.List;
import java.util.stream.Collectors;

import static dev.underway.dialect.postgres.PostgresQuoting.literal;
import static dev.underway.dialect.postgres.PostgresQuoting.quote;

/**
 * The PostgreSQL text of expand/contract's version machinery: version schemas of simple (auto-updatable) views,
 * and the PL/pgSQL sync trigger that keeps a table's old and new columns consistent. What to create, when, and
 * with which expressions is the operations' decision; this class only writes it. {@code table} and
 * {@code function} parameters are relations already quoted and qualified; other names are quoted here.
 */
public final class PostgresVersionDdl {
    private PostgresVersionDdl() {
    }

    /** A column of a view: its name in the version, and the base column it shows. */
    public record ViewColumn(String name, String physical) {
    }

    public static String createSchema(String schema) {
        return "CREATE SCHEMA " + quote(schema);
    }

    public static String commentOnSchema(String schema, String comment) {
        return "COMMENT ON SCHEMA " + quote(schema) + " IS " + literal(comment);
    }

    public static String dropSchemaCascade(String schema) {
        return "DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE";
    }

    /** {@code SELECT col AS name, ... FROM table}: simple enough for PostgreSQL to make it auto-updatable. */
    public static String createView(String viewSchema, String viewName, String table, List<ViewColumn> columns) {
        return "CREATE VIEW " + PostgresQuoting.qualified(viewSchema, viewName) + " AS SELECT "
                + columns.stream().map(c -> c.physical().equals(c.name()) ? quote(c.name())
                        : quote(c.physical()) + " AS " + quote(c.name())).collect(Collectors.joining(", "))
                + " FROM " + table;
    }

    /** A view of every column (SELECT * is expanded when the view is created). */
    public static String createViewOfAll(String viewSchema, String viewName, String table) {
        return "CREATE VIEW " + PostgresQuoting.qualified(viewSchema, viewName) + " AS SELECT * FROM " + table;
    }

    public static String dropView(String viewSchema, String viewName) {
        return "DROP VIEW IF EXISTS " + PostgresQuoting.qualified(viewSchema, viewName);
    }

    /**
     * A column of the row an expression is checked over: the base column {@code physical} under {@code name}, or a
     * NULL of {@code nullOfType} for a column the table does not have yet.
     */
    public record RowColumn(String name, String physical, String nullOfType) {
    }

    /** One row source of the table's base columns, as the old version sees them. */
    public static String oldRow(String table, List<String> columns) {
        return row(table, columns.stream().map(PostgresQuoting::quote).toList());
    }

    /** One row source of the table's columns under the new version's names. */
    public static String newRow(String table, List<RowColumn> columns) {
        return row(table, columns.stream().map(c -> (c.nullOfType() != null ? "CAST(NULL AS " + c.nullOfType() + ")"
                : quote(c.physical())) + " AS " + quote(c.name())).toList());
    }

    private static String row(String table, List<String> selected) {
        return "(SELECT " + String.join(", ", selected) + " FROM " + table + ") AS _uw_row";
    }

    /** Makes the server parse {@code value} over a row source of {@link #oldRow} or {@link #newRow}, returning no row. */
    public static String parseOver(String value, String row) {
        return "SELECT " + value + " FROM " + row + " LIMIT 0";
    }

    /** A variable of the trigger's body: a row column under the name the writing version gives it. */
    public record SyncVariable(String name, String column) {
    }

    /**
     * {@code NEW.column := value}; under {@code guard} only when it holds, else always.
     *
     * @param value an SQL expression over the block's variables
     */
    public record SyncAssignment(String column, String value, SyncGuard guard) {
    }

    /**
     * Recompute only on INSERT, while {@code computed} is still NULL, or (when {@code inputs} are given) when one of
     * those columns changed, compared as text (IS DISTINCT FROM needs an equality operator, which json or point lack).
     */
    public record SyncGuard(String computed, List<String> inputs) {
    }

    /** What the trigger does for rows one version wrote: no assignments, nothing. */
    public record SyncBlock(List<SyncVariable> variables, List<SyncAssignment> assignments) {
    }

    /**
     * The trigger function: the writing version is read from {@code current_schemas(false)} (the new version when
     * {@code newSchema} comes before any of {@code oldSchemas}), then the matching block runs.
     */
    public static String syncFunction(String function, String table, String newSchema, List<String> oldSchemas,
                                      SyncBlock fromNew, SyncBlock fromOld) {
        StringBuilder b = new StringBuilder();
        b.append("CREATE OR REPLACE FUNCTION ").append(function).append("() RETURNS trigger LANGUAGE plpgsql AS $uw$\n")
                .append("#variable_conflict use_column\n")
                .append("DECLARE\n  _uw_schema name;\n  _uw_new boolean := false;\nBEGIN\n")
                .append("  FOREACH _uw_schema IN ARRAY current_schemas(false) LOOP\n")
                .append("    IF _uw_schema = ").append(literal(newSchema))
                .append(" THEN _uw_new := true; EXIT; END IF;\n")
                .append("    IF _uw_schema IN (").append(oldSchemas.stream().map(PostgresQuoting::literal)
                        .collect(Collectors.joining(", "))).append(") THEN EXIT; END IF;\n")
                .append("  END LOOP;\n")
                .append("  IF _uw_new THEN\n");
        block(b, table, fromNew);
        b.append("  ELSE\n");
        block(b, table, fromOld);
        b.append("  END IF;\n  RETURN NEW;\nEND\n$uw$");
        return b.toString();
    }

    private static void block(StringBuilder b, String table, SyncBlock block) {
        if (block.assignments().isEmpty()) {
            b.append("    NULL;\n");
            return;
        }
        b.append("    DECLARE\n");
        for (SyncVariable v : block.variables()) {
            b.append("      ").append(quote(v.name())).append(' ').append(table).append('.')
                    .append(quote(v.column())).append("%TYPE := NEW.").append(quote(v.column())).append(";\n");
        }
        b.append("    BEGIN\n");
        for (SyncAssignment a : block.assignments()) {
            String assign = "NEW." + quote(a.column()) + " := " + a.value() + ";";
            b.append("      ").append(a.guard() == null ? assign : "IF " + when(a.guard()) + " THEN " + assign + " END IF;")
                    .append('\n');
        }
        b.append("    END;\n");
    }

    private static String when(SyncGuard g) {
        StringBuilder w = new StringBuilder("TG_OP = 'INSERT' OR OLD.").append(quote(g.computed())).append(" IS NULL");
        g.inputs().forEach(c -> w.append(" OR NEW.").append(quote(c)).append("::text IS DISTINCT FROM OLD.")
                .append(quote(c)).append("::text"));
        return w.toString();
    }

    public static String createSyncTrigger(String trigger, String table, String function) {
        return "CREATE TRIGGER " + quote(trigger) + " BEFORE INSERT OR UPDATE ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION " + function + "()";
    }

    public static List<String> dropSyncTrigger(String trigger, String table, String function) {
        return List.of("DROP TRIGGER IF EXISTS " + quote(trigger) + " ON " + table,
                "DROP FUNCTION IF EXISTS " + function + "()");
    }
}
