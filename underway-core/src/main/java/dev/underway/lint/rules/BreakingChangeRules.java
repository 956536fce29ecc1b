package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.StatementKind;

import java.util.List;

import static dev.underway.report.Severity.ERROR;
import static dev.underway.report.Severity.WARNING;

/** Changes that break the application version still running, or lose data: both engines. */
public final class BreakingChangeRules {
    private BreakingChangeRules() {
    }

    public static final Rule UNKNOWN = new Rule("UW001", "unknown-statement", WARNING, Engine.ANY,
            "statement not understood by the classifier: its locks are unknown",
            "Underway could not tell what this statement locks or rewrites, so it cannot say it is safe.",
            "Check the statement by hand (or run `underway trace` on it), then suppress this finding with a reason.",
            ctx -> ctx.verdict().known() ? null : "its locks are unknown: "
                    + String.join("; ", ctx.verdict().notes()));

    public static final Rule RENAME_TABLE = new Rule("UW010", "rename-table", ERROR, Engine.ANY,
            "renaming a table breaks clients that still use the old name",
            "During a deployment the old application version keeps running and queries the old table name; it "
                    + "fails from the moment the rename commits.",
            "Expand/contract: create a view (or the new table with sync triggers) under the new name, move the "
                    + "application, then drop the old name in a later release.",
            ctx -> !ctx.tableIsNew() && (ctx.shape().is(StatementKind.RENAME_TABLE)
                    || ctx.shape().hasAction(ActionKind.RENAME_TABLE))
                    ? "renaming " + ctx.table() + " breaks clients still using the old name" : null);

    public static final Rule RENAME_COLUMN = new Rule("UW011", "rename-column", ERROR, Engine.ANY,
            "renaming a column breaks clients that still use the old name",
            "The running application version reads and writes the old column name and fails as soon as the rename "
                    + "commits.",
            "Expand/contract: add the new column, sync both with a trigger, backfill, move the application, drop "
                    + "the old column later (Underway's rename_column operation does this).",
            ctx -> {
                List<String> renamed = ctx.shape().actions().stream().filter(a -> a.is(ActionKind.RENAME_COLUMN)
                        || a.is(ActionKind.ALTER_COLUMN_TYPE) && a.newName() != null).map(AlterAction::column).toList();
                return renamed.isEmpty() || ctx.tableIsNew() ? null : "renaming column " + String.join(", ", renamed)
                        + " of " + ctx.table() + " breaks clients still using the old name";
            });

    public static final Rule DROP_TABLE = new Rule("UW012", "drop-table", ERROR, Engine.ANY,
            "dropping a table breaks clients that still use it, and its data is gone",
            "The running application version may still read or write the table; and a dropped table cannot be "
                    + "brought back without a restore.",
            "Stop all reads and writes first (deploy the application that no longer uses it), keep a backup, and "
                    + "drop it in a later release; suppress with a reason that says so.",
            ctx -> ctx.shape().is(StatementKind.DROP_TABLE) && !ctx.tableIsNew() && !ctx.shape().has(Modifier.TEMPORARY)
                    ? "dropping " + ctx.table() + (ctx.shape().names().isEmpty() ? ""
                    : ", " + String.join(", ", ctx.shape().names())) + " breaks clients still using it and loses its data"
                    : null);

    public static final Rule DROP_COLUMN = new Rule("UW013", "drop-column", ERROR, Engine.ANY,
            "dropping a column breaks clients that still use it, and its data is gone",
            "The running application version may still select or insert the column (ORMs often list every column); "
                    + "it fails as soon as the drop commits.",
            "First deploy an application version that no longer uses the column, then drop it in a later migration; "
                    + "suppress with a reason that says so.",
            ctx -> {
                List<String> dropped = ctx.shape().actions().stream().filter(a -> a.is(ActionKind.DROP_COLUMN))
                        .map(AlterAction::column).toList();
                return dropped.isEmpty() || ctx.tableIsNew() ? null : "dropping column " + String.join(", ", dropped)
                        + " of " + ctx.table() + " breaks clients still using it and loses its data";
            });

    public static final Rule DROP_DATABASE = new Rule("UW016", "drop-database", ERROR, Engine.ANY,
            "dropping a database breaks every client that uses it, and all its data is gone",
            "Every application connected to the database loses it at once, and nothing in it can be brought back "
                    + "without a restore.",
            "Drop databases by hand once nothing uses them, with a backup; not in a migration. Suppress with a reason "
                    + "if this one is a scratch database.",
            ctx -> "DATABASE".equals(ctx.shape().option("DROP")) ? "dropping database "
                    + String.join("", ctx.shape().names()) + " breaks every client using it and loses all its data" : null);

    public static final Rule TRUNCATE = new Rule("UW014", "truncate", WARNING, Engine.ANY,
            "TRUNCATE takes the strongest lock and removes every row",
            "TRUNCATE needs an exclusive lock (PostgreSQL ACCESS EXCLUSIVE, MySQL an exclusive metadata lock) and "
                    + "cannot be undone once committed.",
            "If the table is in use, DELETE in batches; otherwise suppress with a reason.",
            ctx -> ctx.shape().is(StatementKind.TRUNCATE) && !ctx.tableIsNew()
                    ? "TRUNCATE " + ctx.table() + " removes every row under an exclusive lock" : null);

    public static final Rule UNBATCHED_DML = new Rule("UW015", "unbatched-update-delete", WARNING, Engine.ANY,
            "UPDATE/DELETE without a WHERE on a key changes many rows in one transaction",
            "One statement that touches a large part of a table holds row locks on all of them until it commits, "
                    + "bloats the table (PostgreSQL) or the undo log (InnoDB), and lags replicas.",
            "Backfill in batches by primary key (Underway's backfill does keyset batches with throttling), or "
                    + "restrict the WHERE to a key range.",
            ctx -> {
                var s = ctx.shape();
                if (!(s.is(StatementKind.UPDATE) || s.is(StatementKind.DELETE)) || ctx.tableIsNew()) {
                    return null;
                }
                if (!s.has(Modifier.WHERE)) {
                    return s.kind() + " of " + ctx.table() + " without WHERE changes every row in one transaction";
                }
                var table = ctx.schema().table(s.table());
                boolean onKey = table.isEmpty() || s.columns().stream().anyMatch(c -> table.get().isKeyColumn(c));
                return onKey ? null : s.kind() + " of " + ctx.table() + " filters on " + String.join(", ", s.columns())
                        + ", which is not a key: it may change many rows in one transaction";
            });

    public static List<Rule> all() {
        return List.of(UNKNOWN, RENAME_TABLE, RENAME_COLUMN, DROP_TABLE, DROP_COLUMN, TRUNCATE, UNBATCHED_DML, DROP_DATABASE);
    }
}
