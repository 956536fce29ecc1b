package dev.underway.lint.rules;

import dev.underway.lint.Rule;
import dev.underway.lint.Rule.Engine;
import dev.underway.lint.StatementContext;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.StatementKind;
import dev.underway.sql.shape.TableName;

import java.util.List;

import static dev.underway.report.Severity.ERROR;
import static dev.underway.report.Severity.WARNING;

/** PostgreSQL index builds and drops: CONCURRENTLY, and where it cannot be used. */
public final class PostgresIndexRules {
    private PostgresIndexRules() {
    }

    public static final Rule CREATE_INDEX = new Rule("PG101", "create-index-not-concurrently", ERROR, Engine.POSTGRESQL,
            "CREATE INDEX without CONCURRENTLY blocks writes to the table until the index is built",
            "CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits for the whole build, "
                    + "which takes as long as a full scan and sort of the table.",
            "CREATE INDEX CONCURRENTLY (in a migration of its own or with -- underway:no-transaction). If it fails, "
                    + "drop the INVALID index it leaves behind before retrying.",
            ctx -> ctx.shape().is(StatementKind.CREATE_INDEX) && !ctx.shape().has(Modifier.CONCURRENTLY) && !ctx.tableIsNew()
                    ? "CREATE INDEX on " + ctx.table() + " without CONCURRENTLY blocks writes until the index is built"
                    : null);

    public static final Rule DROP_INDEX = new Rule("PG102", "drop-index-not-concurrently", WARNING, Engine.POSTGRESQL,
            "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table",
            "DROP INDEX is quick, but it needs ACCESS EXCLUSIVE on the table; while it waits for running queries, "
                    + "every later query on the table queues behind it.",
            "DROP INDEX CONCURRENTLY (one index per statement, without CASCADE, outside a transaction).",
            ctx -> ctx.shape().is(StatementKind.DROP_INDEX) && !ctx.shape().has(Modifier.CONCURRENTLY)
                    && !droppedIndexTableIsNew(ctx)
                    ? "DROP INDEX " + String.join(", ", ctx.shape().names()) + " without CONCURRENTLY takes ACCESS "
                    + "EXCLUSIVE on its table" : null);

    public static final Rule CONCURRENTLY_IN_TRANSACTION = new Rule("PG103", "concurrently-in-transaction", ERROR,
            Engine.POSTGRESQL,
            "CONCURRENTLY cannot run inside a transaction block",
            "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY inside a transaction block; "
                    + "a migration that mixes them with transactional statements cannot run as one transaction.",
            "Put the CONCURRENTLY statement in a migration of its own (e.g. V3.1__add_index.sql), or add "
                    + "-- underway:no-transaction to run the file statement by statement (and remove BEGIN/COMMIT around it).",
            // A file mixing it with transactional statements is refused by migrate first (UW005).
            ctx -> ctx.shape().has(Modifier.CONCURRENTLY) && ctx.dialect().transactions()
                    .whyNotInTransaction(ctx.statement()).isPresent() && ctx.inTransaction()
                    ? ctx.dialect().transactions().whyNotInTransaction(ctx.statement()).orElseThrow()
                    + " would run inside a transaction block, which PostgreSQL refuses" : null);

    public static final Rule REINDEX = new Rule("PG104", "reindex-not-concurrently", ERROR, Engine.POSTGRESQL,
            "REINDEX without CONCURRENTLY blocks writes to the table and reads through the index",
            "REINDEX takes SHARE on the table (writes wait) and ACCESS EXCLUSIVE on each index (queries that would use "
                    + "it wait) for the whole rebuild.",
            "REINDEX ... CONCURRENTLY (PostgreSQL 12+, outside a transaction); before 12, CREATE INDEX CONCURRENTLY a "
                    + "copy, then drop the old index.",
            ctx -> ctx.shape().is(StatementKind.REINDEX) && !ctx.shape().has(Modifier.CONCURRENTLY) && !ctx.tableIsNew()
                    ? "REINDEX without CONCURRENTLY blocks writes while the index is rebuilt" : null);

    public static final Rule CONCURRENT_INDEX_WITHOUT_NAME = new Rule("PG116", "concurrent-index-without-name", ERROR,
            Engine.POSTGRESQL,
            "CREATE INDEX CONCURRENTLY without an index name",
            "A failed concurrent build leaves an INVALID index behind that must be dropped before a retry; Underway's "
                    + "executor drops it by name, so it refuses to run a concurrent build without one.",
            "Name the index: CREATE INDEX CONCURRENTLY users_email_idx ON users (email). " + Rule.FIXER + " writes "
                    + "the name PostgreSQL would have chosen when it can derive it.",
            ctx -> ctx.shape().is(StatementKind.CREATE_INDEX) && ctx.shape().has(Modifier.CONCURRENTLY)
                    && ctx.shape().names().isEmpty() && !ctx.options().externalRunner()
                    ? "CREATE INDEX CONCURRENTLY on " + ctx.table() + " has no name; Underway's executor refuses it"
                    + ctx.schema().defaultIndexName(ctx.shape()).map(n -> " (PostgreSQL would name it " + n + ")")
                    .orElse("") : null);

    private static boolean droppedIndexTableIsNew(StatementContext ctx) {
        List<String> names = ctx.shape().names();
        return !names.isEmpty() && names.stream().allMatch(n -> ctx.schema().tableOfIndex(n)
                .map((TableName t) -> ctx.isNew(t)).orElse(false));
    }

    public static List<Rule> all() {
        return List.of(CREATE_INDEX, DROP_INDEX, CONCURRENTLY_IN_TRANSACTION, REINDEX, CONCURRENT_INDEX_WITHOUT_NAME);
    }
}
