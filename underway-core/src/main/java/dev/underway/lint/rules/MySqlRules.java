package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.lint.StatementContext;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.ConstraintDef.ConstraintType;
import dev.underway.sql.shape.TableModel;

import java.util.List;
import java.util.Optional;

import static dev.underway.report.Severity.ERROR;
import static dev.underway.report.Severity.INFO;

/** MySQL/MariaDB: ALTERs that copy the table (blocking writes) instead of running INSTANT or INPLACE. */
public final class MySqlRules {
    private static final String COPY = "COPY";

    private MySqlRules() {
    }

    public static final Rule TABLE_COPY = new Rule("MY201", "alter-copies-table", ERROR, Engine.MYSQL,
            "the ALTER copies the table (ALGORITHM=COPY): writes wait for the whole copy",
            "InnoDB cannot do this change INSTANT or INPLACE, so it copies every row into a new table while "
                    + "concurrent INSERT/UPDATE/DELETE wait (a data type change is the usual cause).",
            "Use an online schema change (Underway's shadow-table rebuild, gh-ost, pt-online-schema-change), or "
                    + "an expand/contract column change.",
            ctx -> copies(ctx) && !enumChange(ctx) && !storedGenerated(ctx) && !foreignKeyChecks(ctx)
                    && !explicit(ctx) && !charset(ctx)
                    ? "ALTER TABLE " + ctx.table() + " copies the table: " + ctx.verdict().notes().get(0) : null);

    public static final Rule ENUM_CHANGE = new Rule("MY202", "enum-set-change", ERROR, Engine.MYSQL,
            "changing ENUM/SET values other than appending at the end copies the table",
            "Removing, reordering or inserting ENUM/SET values changes how rows are stored: every row is re-encoded "
                    + "in a table copy while writes wait. Appending values at the end is INSTANT.",
            "Append new values at the end only; to remove values, stop writing them first and rebuild the table "
                    + "online.",
            ctx -> enumChange(ctx) ? "the ENUM/SET change on " + ctx.table() + " is not an append: "
                    + ctx.verdict().notes().get(0) : null);

    public static final Rule STORED_GENERATED = new Rule("MY203", "add-stored-generated-column", ERROR, Engine.MYSQL,
            "adding a STORED generated column copies the table",
            "A STORED generated column is computed for every row in a table copy while writes wait.",
            "Add a VIRTUAL generated column (INSTANT), with a secondary index if it must be searchable.",
            ctx -> storedGenerated(ctx) ? "ADD COLUMN ... STORED on " + ctx.table() + " copies the table" : null);

    public static final Rule FOREIGN_KEY_CHECKS = new Rule("MY204", "foreign-key-without-fk-checks-off", ERROR,
            Engine.MYSQL,
            "ADD FOREIGN KEY with foreign_key_checks=1 copies the table",
            "InnoDB adds a foreign key INPLACE only when foreign_key_checks=0; otherwise it copies the table to check "
                    + "every row while writes wait.",
            "SET foreign_key_checks = 0 before the ALTER (and back to 1 after), after checking for orphans with a "
                    + "query; the constraint is then added INPLACE without blocking writes.",
            ctx -> foreignKeyChecks(ctx) ? "ADD FOREIGN KEY on " + ctx.table() + " without SET foreign_key_checks = 0 "
                    + "earlier in the file copies the table" : null);

    public static final Rule EXPLICIT_BLOCKING = new Rule("MY205", "explicit-copy-or-lock", ERROR, Engine.MYSQL,
            "ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE blocks writes (and with EXCLUSIVE, reads)",
            "The statement asks for a table copy or a lock level that stops concurrent writes (SHARED) or all access "
                    + "(EXCLUSIVE) for the whole operation.",
            "Remove the clause (Underway adds ALGORITHM=INSTANT or ALGORITHM=INPLACE, LOCK=NONE when the operation "
                    + "allows it), or use an online schema change.",
            ctx -> explicit(ctx) ? "ALGORITHM/LOCK written in the statement blocks "
                    + (ctx.verdict().blocksReads() ? "reads and writes" : "writes") + " on " + ctx.table() : null);

    public static final Rule CHARSET = new Rule("MY206", "charset-conversion", ERROR, Engine.MYSQL,
            "converting a character set copies the table",
            "CONVERT TO CHARACTER SET (or a column's new CHARACTER SET) re-encodes every row in a table copy while "
                    + "writes wait.",
            "Rebuild the table online (shadow table), or convert column by column with expand/contract.",
            ctx -> charset(ctx) ? "the character set conversion of " + ctx.table() + " copies the table" : null);

    public static final Rule BLOCKING_INPLACE = new Rule("MY207", "inplace-blocks-writes", ERROR, Engine.MYSQL,
            "the ALTER runs in place but does not allow concurrent writes",
            "Some in-place operations (FULLTEXT or SPATIAL indexes, AUTO_INCREMENT columns) need LOCK=SHARED: reads "
                    + "go on but writes wait for the whole operation.",
            "Run it in a quiet period, or use an online schema change.",
            ctx -> !ctx.tableIsNew() && "INPLACE".equals(ctx.verdict().algorithm()) && ctx.verdict().blocksWrites()
                    && !explicit(ctx) ? "ALTER TABLE " + ctx.table() + " runs in place but writes wait: "
                    + ctx.verdict().notes().get(0) : null);

    public static final Rule ONLINE_REBUILD = new Rule("MY208", "online-rebuild", INFO, Engine.MYSQL,
            "the ALTER rebuilds the table in place (writes go on)",
            "The table is rebuilt INPLACE with concurrent DML allowed: safe for clients, but it takes time and I/O "
                    + "proportional to the table and lags replicas.",
            "Nothing required; on large tables prefer a quiet period or a throttled online schema change.",
            ctx -> !ctx.tableIsNew() && "INPLACE".equals(ctx.verdict().algorithm()) && ctx.verdict().rewrite()
                    && !ctx.verdict().blocksWrites() ? "ALTER TABLE " + ctx.table() + " rebuilds the table in place"
                    : null);

    public static final Rule REFUSED = new Rule("MY210", "algorithm-refused", ERROR, Engine.MYSQL,
            "the ALGORITHM or LOCK written in the statement cannot be used for this operation: the server refuses it",
            "The server fails the statement with ER_ALTER_OPERATION_NOT_SUPPORTED rather than silently copying, so "
                    + "the migration fails.",
            "Remove the clause and reconsider: the operation needs the algorithm the message names.",
            ctx -> ctx.verdict().notes().stream().filter(n -> n.startsWith("the server refuses")).findFirst().orElse(null));

    private static boolean copies(StatementContext ctx) {
        return !ctx.tableIsNew() && COPY.equals(ctx.verdict().algorithm());
    }

    private static boolean enumChange(StatementContext ctx) {
        Optional<TableModel> t = ctx.schema().table(ctx.shape().table());
        return copies(ctx) && ctx.shape().actions().stream().filter(a -> a.is(ActionKind.ALTER_COLUMN_TYPE))
                .anyMatch(a -> t.flatMap(x -> x.column(a.column())).map(c -> c.type() != null
                        && (c.type().is("enum") || c.type().is("set")) && a.definition().type().is(c.type().name()))
                        .orElse(false));
    }

    private static boolean storedGenerated(StatementContext ctx) {
        return !ctx.tableIsNew() && ctx.shape().actions().stream()
                .anyMatch(a -> a.is(ActionKind.ADD_COLUMN) && a.definition().generated());
    }

    private static boolean foreignKeyChecks(StatementContext ctx) {
        return copies(ctx) && ctx.shape().actions().stream().map(AlterAction::constraint)
                .anyMatch(k -> k != null && k.type() == ConstraintType.FOREIGN_KEY);
    }

    private static boolean explicit(StatementContext ctx) {
        String algorithm = ctx.shape().option("ALGORITHM");
        String lock = ctx.shape().option("LOCK");
        return !ctx.tableIsNew() && (COPY.equals(algorithm) || "SHARED".equals(lock) || "EXCLUSIVE".equals(lock));
    }

    private static boolean charset(StatementContext ctx) {
        return copies(ctx) && (ctx.shape().hasAction(ActionKind.CONVERT_CHARSET)
                || ctx.verdict().notes().stream().anyMatch(n -> n.contains("character set converts")));
    }

    public static List<Rule> all() {
        return List.of(TABLE_COPY, ENUM_CHANGE, STORED_GENERATED, FOREIGN_KEY_CHECKS, EXPLICIT_BLOCKING, CHARSET,
                BLOCKING_INPLACE, ONLINE_REBUILD, REFUSED);
    }
}
