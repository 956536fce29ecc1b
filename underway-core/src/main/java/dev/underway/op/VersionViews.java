package dev.underway.op;

import dev.underway.dialect.postgres.PostgresVersionDdl;
import dev.underway.dialect.postgres.PostgresVersionDdl.ViewColumn;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * The views of a version schema: one simple view per table ({@code SELECT col AS name, ... FROM
 * base.table}), which PostgreSQL makes auto-updatable, so INSERT, UPDATE, DELETE, RETURNING and
 * INSERT ... ON CONFLICT work through them (INSTEAD OF triggers would refuse ON CONFLICT).
 */
final class VersionViews {
    private VersionViews() {
    }

    static String view(String viewSchema, String viewName, Expansion x, String table, List<ViewColumn> columns) {
        return PostgresVersionDdl.createView(viewSchema, viewName, x.qualified(table), columns);
    }

    /** The new version schema: every table of the schema in its new shape (dropped ones left out). */
    static Action createSchema(Expansion x) {
        List<String> sql = new ArrayList<>();
        sql.add(PostgresVersionDdl.createSchema(x.newSchema));
        sql.add(PostgresVersionDdl.commentOnSchema(x.newSchema, "underway: version " + x.version + " of schema "
                + x.schema()));
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
            sql.add(PostgresVersionDdl.createViewOfAll(x.newSchema, table, x.qualified(table)));
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
