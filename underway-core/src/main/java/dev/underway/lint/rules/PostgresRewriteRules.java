package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.lint.StatementContext;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.ColumnDef;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.StatementKind;

import java.util.List;
import java.util.function.Predicate;

import static dev.underway.report.Severity.ERROR;
import static dev.underway.report.Severity.INFO;

/** PostgreSQL statements that rewrite a table while holding ACCESS EXCLUSIVE. */
public final class PostgresRewriteRules {
    private PostgresRewriteRules() {
    }

    public static final Rule VOLATILE_DEFAULT = new Rule("PG109", "add-column-volatile-default", ERROR, Engine.POSTGRESQL,
            "ADD COLUMN with a volatile DEFAULT rewrites the table under ACCESS EXCLUSIVE",
            "PostgreSQL 11+ stores a constant (or stable, like now()) default in the catalog without touching rows, "
                    + "but a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()) must be "
                    + "computed for every row: the whole table is rewritten while no one can read or write it. Before "
                    + "PostgreSQL 11 every default rewrites.",
            "ADD COLUMN without the default (or with a constant one); ALTER COLUMN ... SET DEFAULT for new rows; "
                    + "backfill existing rows in batches.",
            ctx -> rewritingColumn(ctx, d -> d.hasDefault() && !d.generated() && !d.identity() && !d.serial(),
                    "ADD COLUMN %s with DEFAULT rewrites " + ctx.table()));

    public static final Rule REWRITING_COLUMN = new Rule("PG110", "add-column-rewrites", ERROR, Engine.POSTGRESQL,
            "ADD COLUMN with STORED generated / IDENTITY / serial rewrites the table under ACCESS EXCLUSIVE",
            "A STORED generated column, an IDENTITY column or a serial column needs a value computed for every "
                    + "existing row: the table is rewritten while no one can read or write it.",
            "Add a plain nullable column, set its default (or sequence) for new rows, backfill in batches, then "
                    + "add the constraint; or compute the value in a view or the application.",
            ctx -> rewritingColumn(ctx, d -> d.generated() || d.identity() || d.serial(),
                    "ADD COLUMN %s (generated, identity or serial) rewrites " + ctx.table()));

    public static final Rule TYPE_REWRITE = new Rule("PG111", "column-type-rewrites", ERROR, Engine.POSTGRESQL,
            "ALTER COLUMN TYPE rewrites the table, rebuilds indexes or re-checks constraints under ACCESS EXCLUSIVE",
            "A type change that is not binary coercible converts every row and rebuilds every index of the table "
                    + "while holding ACCESS EXCLUSIVE. Even a binary-coercible change rebuilds indexes on the column when "
                    + "their operator class changes (timestamp → timestamptz) and re-checks CHECK constraints that use it.",
            "Add a new column with the new type, keep it in sync with a trigger, backfill in batches, switch readers, "
                    + "then drop the old column (expand/contract). Binary-coercible changes (varchar(n) → varchar(m>n) "
                    + "or text, numeric precision up) do not rewrite.",
            ctx -> !ctx.tableIsNew() && (ctx.verdict().rewrite() || ctx.verdict().scan())
                    && hasAction(ctx, ActionKind.ALTER_COLUMN_TYPE)
                    ? "ALTER COLUMN " + columns(ctx, ActionKind.ALTER_COLUMN_TYPE) + " TYPE on " + ctx.table()
                    + " holds ACCESS EXCLUSIVE while " + String.join("; ", ctx.verdict().notes()) : null);

    public static final Rule TYPE_NO_REWRITE = new Rule("PG112", "column-type-binary-coercible", INFO, Engine.POSTGRESQL,
            "ALTER COLUMN TYPE without a rewrite: a brief ACCESS EXCLUSIVE only",
            "The change is binary coercible, so PostgreSQL only updates the catalog; it still needs ACCESS EXCLUSIVE "
                    + "briefly, which Underway takes with a short lock timeout.",
            "Nothing to change.",
            ctx -> !ctx.tableIsNew() && !ctx.verdict().rewrite() && !ctx.verdict().scan()
                    && hasAction(ctx, ActionKind.ALTER_COLUMN_TYPE)
                    ? "ALTER COLUMN " + columns(ctx, ActionKind.ALTER_COLUMN_TYPE) + " TYPE on " + ctx.table()
                    + " is binary coercible: no rewrite" : null);

    public static final Rule TABLE_REWRITE = new Rule("PG113", "table-rewrite", ERROR, Engine.POSTGRESQL,
            "VACUUM FULL, CLUSTER and SET TABLESPACE/LOGGED/UNLOGGED rewrite the table under ACCESS EXCLUSIVE",
            "These statements write a new copy of the table (and its indexes) while holding ACCESS EXCLUSIVE: no reads "
                    + "or writes for as long as the copy takes.",
            "Use an online rebuild (pg_repack, or Underway's shadow-table rebuild) to reclaim space or reorder rows; "
                    + "plain VACUUM reclaims space for reuse without blocking.",
            ctx -> {
                boolean rewrite = ctx.shape().is(StatementKind.VACUUM) && ctx.shape().has(Modifier.FULL)
                        || ctx.shape().is(StatementKind.CLUSTER)
                        || ctx.shape().actions().stream().anyMatch(a -> a.is(ActionKind.SET_TABLESPACE)
                        || a.is(ActionKind.SET_LOGGED) || a.is(ActionKind.SET_UNLOGGED) || a.is(ActionKind.REBUILD));
                return rewrite && !ctx.tableIsNew() ? ctx.verdict().notes().get(0) + ", holding ACCESS EXCLUSIVE" : null;
            });

    public static final Rule NOT_NULL_WITHOUT_DEFAULT = new Rule("PG114", "add-column-not-null-without-default", ERROR,
            Engine.POSTGRESQL,
            "ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that has rows",
            "Existing rows would get NULL in the new column, so PostgreSQL refuses the statement as soon as the table "
                    + "is not empty: it passes on an empty development database and fails in production.",
            "Add the column with a constant DEFAULT (no rewrite since PostgreSQL 11), or add it nullable, backfill, "
                    + "then make it NOT NULL with the four-step pattern.",
            ctx -> rewritingColumn(ctx, d -> d.notNull() && !d.hasDefault() && !d.generated() && !d.identity()
                    && !d.serial() && !d.isPrimaryKey(), "ADD COLUMN %s NOT NULL without a DEFAULT fails once "
                    + ctx.table() + " has rows", false));

    private static String rewritingColumn(StatementContext ctx, Predicate<ColumnDef> kind, String message) {
        return rewritingColumn(ctx, kind, message, true);
    }

    private static String rewritingColumn(StatementContext ctx, Predicate<ColumnDef> kind, String message,
                                          boolean needsRewrite) {
        if (ctx.tableIsNew() || needsRewrite && !ctx.verdict().rewrite()) {
            return null;
        }
        List<String> cols = ctx.shape().actions().stream().filter(a -> a.is(ActionKind.ADD_COLUMN))
                .map(AlterAction::definition).filter(kind).map(ColumnDef::name).toList();
        return cols.isEmpty() ? null : String.format(message, String.join(", ", cols));
    }

    static boolean hasAction(StatementContext ctx, ActionKind kind) {
        return ctx.shape().hasAction(kind);
    }

    static String columns(StatementContext ctx, ActionKind kind) {
        return String.join(", ", ctx.shape().actions().stream().filter(a -> a.is(kind)).map(AlterAction::column).toList());
    }

    public static List<Rule> all() {
        return List.of(VOLATILE_DEFAULT, REWRITING_COLUMN, TYPE_REWRITE, TYPE_NO_REWRITE, TABLE_REWRITE,
                NOT_NULL_WITHOUT_DEFAULT);
    }
}
