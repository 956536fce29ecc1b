package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.lint.StatementContext;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.ColumnDef;
import dev.underway.sql.shape.StatementKind;

import java.util.List;
import java.util.Objects;

import static dev.underway.report.Severity.ERROR;

/** PostgreSQL changes that break the application version still running: renamed enum values and schemas, json. */
public final class PostgresBreakingRules {
    private PostgresBreakingRules() {
    }

    public static final Rule RENAME_ENUM_VALUE = new Rule("PG119", "rename-enum-value", ERROR, Engine.POSTGRESQL,
            "renaming an enum value breaks clients that still use the old value",
            "The running application version still writes and compares the old label: from the moment the rename "
                    + "commits, inserting it fails (invalid input value for enum) and comparisons with it match nothing.",
            "Add the new value (ALTER TYPE ... ADD VALUE), move the application and then the rows to it (batched "
                    + "UPDATE), and keep the old value unused: an enum value cannot be dropped.",
            ctx -> ctx.shape().is(StatementKind.ALTER_TYPE) && ctx.shape().option("RENAME_VALUE") != null
                    ? "renaming a value of " + ctx.shape().names().get(0) + " breaks clients still using the old value"
                    : null);

    public static final Rule RENAME_SCHEMA = new Rule("PG120", "rename-schema", ERROR, Engine.POSTGRESQL,
            "renaming a schema breaks clients that still use the old name",
            "Queries that qualify names with the old schema fail, and sessions whose search_path names it resolve "
                    + "unqualified names elsewhere (or not at all), as soon as the rename commits.",
            "Keep the old name working while clients move: create the new schema, move objects with ALTER ... SET "
                    + "SCHEMA and leave views under the old name, and drop them once no client uses it.",
            ctx -> "SCHEMA".equals(ctx.shape().option("RENAME"))
                    ? "renaming schema " + ctx.shape().names().get(0) + " breaks clients still using the old name" : null);

    public static final Rule JSON_COLUMN = new Rule("PG121", "add-json-column", ERROR, Engine.POSTGRESQL,
            "a json column breaks SELECT DISTINCT, UNION and = on the table's rows",
            "The json type has no equality operator, so queries the application already runs over the whole row fail "
                    + "once the column exists: SELECT DISTINCT *, UNION (without ALL), GROUP BY and comparisons of the "
                    + "column (could not identify an equality operator for type json).",
            "Use jsonb: it has equality and btree/GIN operator classes, so DISTINCT, UNION, GROUP BY and indexes work. "
                    + "Keep json only where the exact text (key order, duplicate keys, whitespace) must be kept, and "
                    + "check that no query compares the rows.",
            ctx -> {
                List<String> json = jsonColumns(ctx);
                return json.isEmpty() || ctx.tableIsNew() ? null : "column " + String.join(", ", json) + " of "
                        + ctx.table() + " would be json, which has no equality operator: use jsonb";
            });

    /** Columns added as json, or changed to json. */
    private static List<String> jsonColumns(StatementContext ctx) {
        return ctx.shape().actions().stream()
                .filter(a -> a.is(ActionKind.ADD_COLUMN) || a.is(ActionKind.ALTER_COLUMN_TYPE))
                .map(AlterAction::definition).filter(Objects::nonNull)
                .filter(d -> d.type() != null && d.type().is("json")).map(ColumnDef::name).toList();
    }

    public static List<Rule> all() {
        return List.of(RENAME_ENUM_VALUE, RENAME_SCHEMA, JSON_COLUMN);
    }
}
