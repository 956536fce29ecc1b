package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.lint.StatementContext;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.ConstraintDef;
import dev.underway.sql.shape.ConstraintDef.ConstraintType;
import dev.underway.sql.shape.StatementKind;
import dev.underway.sql.shape.TableModel;
import dev.underway.sql.shape.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.underway.report.Severity.ERROR;

/** PostgreSQL constraints: validate without blocking, and build keys from concurrent indexes. */
public final class PostgresConstraintRules {
    private PostgresConstraintRules() {
    }

    public static final Rule NOT_VALID = new Rule("PG105", "constraint-without-not-valid", ERROR, Engine.POSTGRESQL,
            "adding a CHECK or FOREIGN KEY constraint without NOT VALID scans the table under a blocking lock",
            "Adding a CHECK constraint holds ACCESS EXCLUSIVE (no reads or writes) and a FOREIGN KEY holds SHARE ROW "
                    + "EXCLUSIVE on both tables (no writes) while every existing row is checked.",
            "ADD CONSTRAINT ... NOT VALID (brief), then ALTER TABLE ... VALIDATE CONSTRAINT ... in a separate "
                    + "transaction: it takes only SHARE UPDATE EXCLUSIVE while it scans. " + Rule.FIXER + " writes this for an ALTER TABLE "
                    + "whose only sub-command adds the constraint.",
            ctx -> {
                if (ctx.tableIsNew() || ctx.shape().is(StatementKind.ALTER_DOMAIN)) {
                    return null;
                }
                List<String> found = new ArrayList<>();
                for (AlterAction a : ctx.shape().actions()) {
                    List<ConstraintDef> ks = a.is(ActionKind.ADD_CONSTRAINT) && a.constraint() != null ? List.of(a.constraint())
                            : a.is(ActionKind.ADD_COLUMN) ? a.definition().constraints() : List.of();
                    for (ConstraintDef k : ks) {
                        // A foreign key on a new column without a default is not validated: every value is NULL.
                        boolean unvalidatedNewColumn = a.is(ActionKind.ADD_COLUMN) && !a.definition().hasDefault()
                                && k.type() == ConstraintType.FOREIGN_KEY;
                        if ((k.type() == ConstraintType.CHECK || k.type() == ConstraintType.FOREIGN_KEY) && !k.notValid()
                                && !unvalidatedNewColumn) {
                            found.add((k.type() == ConstraintType.CHECK ? "CHECK" : "FOREIGN KEY")
                                    + (k.name() == null ? "" : " " + k.name()));
                        }
                    }
                }
                return found.isEmpty() ? null : String.join(", ", found) + " on " + ctx.table()
                        + " without NOT VALID checks every row under a blocking lock";
            });

    public static final Rule VALIDATE_SAME_TRANSACTION = new Rule("PG106", "validate-in-same-transaction", ERROR,
            Engine.POSTGRESQL,
            "VALIDATE CONSTRAINT in the same transaction as its ADD ... NOT VALID keeps the blocking lock during the scan",
            "ADD CONSTRAINT ... NOT VALID takes ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE) until its transaction ends; "
                    + "validating in the same transaction scans the table while that lock is still held.",
            "Move VALIDATE CONSTRAINT to the next migration, or add -- underway:no-transaction so each statement "
                    + "commits on its own.",
            ctx -> ctx.inTransaction() && ctx.shape().actions().stream().anyMatch(a -> a.is(ActionKind.VALIDATE_CONSTRAINT)
                    && ctx.schema().constraintAddedInMigration(ctx.shape().table(), a.name()))
                    ? "VALIDATE CONSTRAINT runs in the same transaction as the ADD CONSTRAINT ... NOT VALID before it,"
                    + " so the scan happens under the blocking lock anyway" : null);

    public static final Rule SET_NOT_NULL = new Rule("PG107", "set-not-null-scans", ERROR, Engine.POSTGRESQL,
            "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE",
            "ALTER COLUMN ... SET NOT NULL checks every row while holding ACCESS EXCLUSIVE: no reads or writes. "
                    + "PostgreSQL 12+ skips the scan when a validated CHECK (col IS NOT NULL) constraint exists.",
            "Four steps: ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (separate transaction); "
                    + "SET NOT NULL (no scan now); DROP CONSTRAINT c. " + Rule.FIXER + " writes this for an ALTER TABLE whose only sub-command is "
                    + "SET NOT NULL (PostgreSQL 12+).",
            ctx -> {
                if (ctx.tableIsNew() || ctx.shape().is(StatementKind.ALTER_DOMAIN)) {
                    return null;
                }
                TableModel t = ctx.schema().table(ctx.shape().table()).orElse(null);
                boolean pg12 = ctx.dialect().version().isSameOrAfter(12, 0);
                List<String> cols = ctx.shape().actions().stream().filter(a -> a.is(ActionKind.SET_NOT_NULL))
                        .map(AlterAction::column)
                        .filter(c -> t == null || !(t.column(c).map(TableModel.ColumnModel::notNull).orElse(false)
                                || pg12 && t.hasValidatedNotNullCheck(c)))
                        .toList();
                return cols.isEmpty() ? null : "SET NOT NULL on " + ctx.table() + "." + String.join(", ", cols)
                        + " scans the table under ACCESS EXCLUSIVE" + (pg12 ? "; no validated CHECK (" + cols.get(0)
                        + " IS NOT NULL) is known to exist" : "");
            });

    public static final Rule KEY_USING_INDEX = new Rule("PG108", "unique-or-primary-key-not-using-index", ERROR,
            Engine.POSTGRESQL,
            "ADD UNIQUE / PRIMARY KEY builds its index under ACCESS EXCLUSIVE",
            "Adding a UNIQUE or PRIMARY KEY constraint builds the index while holding ACCESS EXCLUSIVE: no reads or "
                    + "writes for the whole build (and a primary key also checks NOT NULL by scanning).",
            "CREATE UNIQUE INDEX CONCURRENTLY idx ON t (cols); then ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX idx "
                    + "(or PRIMARY KEY USING INDEX idx, with the columns made NOT NULL safely first). " + Rule.FIXER + " "
                    + "writes this for an ALTER TABLE whose only sub-command is ADD UNIQUE / PRIMARY KEY (columns).",
            ctx -> {
                if (ctx.tableIsNew()) {
                    return null;
                }
                List<String> found = constraints(ctx).stream()
                        .filter(k -> (k.type() == ConstraintType.UNIQUE || k.type() == ConstraintType.PRIMARY_KEY
                                || k.type() == ConstraintType.EXCLUDE) && k.usingIndex() == null)
                        .map(k -> k.type().name().replace('_', ' ')).toList();
                return found.isEmpty() ? null : "ADD " + String.join(", ", found) + " on " + ctx.table()
                        + " builds its index under ACCESS EXCLUSIVE";
            });

    public static final Rule DOMAIN_CONSTRAINT = new Rule("PG117", "domain-constraint-scans", ERROR, Engine.POSTGRESQL,
            "ALTER DOMAIN ... ADD CONSTRAINT, VALIDATE CONSTRAINT or SET NOT NULL scans every table using the domain "
                    + "while writes to them wait",
            "PostgreSQL checks every value of the domain: each table with a column of it is scanned under SHARE, which "
                    + "blocks INSERT, UPDATE and DELETE on it for the whole scan. Unlike on a table, VALIDATE CONSTRAINT of "
                    + "a domain takes the same SHARE lock (PostgreSQL 17 and before; traced on 15 and 17).",
            "ADD CONSTRAINT ... NOT VALID (no scan; new values are checked at once), then VALIDATE CONSTRAINT in a "
                    + "migration of its own, at a time writes to those tables may wait for the scan. Where they may "
                    + "not: put the CHECK on each table's column instead (ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) "
                    + "NOT VALID, then VALIDATE CONSTRAINT, which takes SHARE UPDATE EXCLUSIVE: writes go on).",
            ctx -> {
                if (!ctx.shape().is(StatementKind.ALTER_DOMAIN) || !ctx.verdict().scan()) {
                    return null;
                }
                List<String> tables = ctx.verdict().locks().keySet().stream().sorted().toList();
                if (!tables.isEmpty() && tables.stream().allMatch(t -> ctx.isNew(TableName.of(t)))) {
                    return null;
                }
                return "ALTER DOMAIN " + ctx.shape().names().get(0) + " " + ctx.shape().actions().get(0).text()
                        + " checks " + String.join(", ", tables) + " under SHARE: writes wait for the scan";
            });

    /** Every constraint the statement adds: table constraints and inline column constraints. */
    static List<ConstraintDef> constraints(StatementContext ctx) {
        return ctx.shape().actions().stream().flatMap(a -> a.is(ActionKind.ADD_CONSTRAINT) && a.constraint() != null
                ? Stream.of(a.constraint())
                : a.is(ActionKind.ADD_COLUMN) ? a.definition().constraints().stream() : Stream.empty()).toList();
    }

    public static List<Rule> all() {
        return List.of(NOT_VALID, VALIDATE_SAME_TRANSACTION, SET_NOT_NULL, KEY_USING_INDEX, DOMAIN_CONSTRAINT);
    }
}
