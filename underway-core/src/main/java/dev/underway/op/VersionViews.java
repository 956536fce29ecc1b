package dev.underway.op;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.underway.dialect.postgres.PostgresQuoting.quote;
import static dev.underway.dialect.postgres.PostgresQuoting.literal;

/**
 * The views of a version schema: one simple view per table ({@code SELECT col AS name, ... FROM
 * base.table}), which PostgreSQL makes auto-updatable, so INSERT, UPDATE, DELETE, RETURNING and
 * INSERT ... ON CONFLICT work through them (INSTEAD OF triggers would refuse ON CONFLICT).
 */
final class VersionViews {
    private VersionViews() {
    }

    /** A column of a view: its name in the version, and the base column it shows. */
    record ViewColumn(String name, String physical) {
    }

    static String view(String viewSchema, String viewName, Expansion x, String table, List<ViewColumn> columns) {
        return "CREATE VIEW " + quote(viewSchema) + "." + quote(viewName) + " AS SELECT "
                + columns.stream().map(c -> c.physical().equals(c.name()) ? quote(c.name())
                        : quote(c.physical()) + " AS " + quote(c.name())).collect(Collectors.joining(", "))
                + " FROM " + x.qualified(table);
    }

    /** The new version schema: every table of the schema in its new shape (dropped ones left out). */
    static Action createSchema(Expansion x) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE SCHEMA " + quote(x.newSchema));
        sql.add("COMMENT ON SCHEMA " + quote(x.newSchema) + " IS " + literal("underway: version "
                + x.version + " of schema " + x.schema()));
        for (SchemaSnapshot.Table table : x.before.tables().values()) {
            if (!x.drafts.containsKey(table.name())) {
                sql.add(view(x.newSchema, table.name(), x, table.name(), table.columns().stream()
                        .map(SchemaSnapshot.Column::name).filter(c -> !Names.hidden(c))
                        .map(c -> new ViewColumn(c, c)).toList()));
            }
        }
        for (TableDraft t : x.drafts.values()) {
            if (!t.dropped) {
                sql.add(view(x.newSchema, t.name, x, t.physical, current(t)));
            }
        }
        for (String table : x.sqlTables) {
            // Columns as the sql operation made them (SELECT * is expanded when the view is created).
            sql.add("CREATE VIEW " + quote(x.newSchema) + "." + quote(table) + " AS SELECT * FROM "
                    + x.qualified(table));
        }
        return new Action(Phase.START, Stage.VIEWS, "version schema " + x.newSchema + " with a view per table", sql,
                List.of(), false, null, null);
    }

    /** The new version's columns during the migration. */
    static List<ViewColumn> current(TableDraft t) {
        return t.columns.stream().map(c -> new ViewColumn(c.name, c.physical)).toList();
    }

    /** The table's columns after complete has renamed them. */
    static List<ViewColumn> completed(TableDraft t) {
        return t.columns.stream().map(c -> new ViewColumn(c.name, c.name)).toList();
    }
}
