package dev.underway.exec;

import dev.underway.UnderwayException;
import dev.underway.dialect.TransactionRules;
import dev.underway.plan.MigrationScript;
import dev.underway.sql.Directive;
import dev.underway.sql.SqlStatement;

import java.util.List;

/** How a migration runs: atomically with its history row, or statement by statement with recorded progress. */
public enum ExecutionMode {
    /** One transaction holds every statement and the history row: all or nothing. */
    TRANSACTIONAL,
    /** Each statement commits on its own; the history row records how many ran, so a re-run resumes. */
    PER_STATEMENT,
    /** A declarative migration's start or complete: action by action, progress recorded in the operations table. */
    EXPAND_CONTRACT;

    /**
     * Decides the mode of a migration. A file that mixes statements that cannot run in a
     * transaction with statements that can, without saying {@code -- underway:no-transaction},
     * is refused with a message saying how to split it.
     */
    public static ExecutionMode of(MigrationScript script, TransactionRules rules) {
        List<SqlStatement> statements = script.sql().statements();
        if (!rules.transactionalDdl() || script.sql().has(Directive.NO_TRANSACTION)) {
            return PER_STATEMENT;
        }
        List<SqlStatement> outside = statements.stream().filter(s -> rules.whyNotInTransaction(s).isPresent()).toList();
        if (outside.size() == statements.size()) {
            return PER_STATEMENT;
        }
        if (!outside.isEmpty()) {
            SqlStatement first = outside.get(0);
            SqlStatement inside = statements.stream().filter(s -> rules.whyNotInTransaction(s).isEmpty()).findFirst()
                    .orElseThrow();
            throw UnderwayException.usage(script.script() + ":" + first.line() + ": "
                    + rules.whyNotInTransaction(first).orElseThrow() + " cannot run inside a transaction, but the"
                    + " statement at line " + inside.line() + " of the same file runs in one. Move the "
                    + rules.whyNotInTransaction(first).orElseThrow() + " statement(s) into a migration of their own"
                    + " (e.g. V" + script.version() + ".1__" + "concurrently.sql), or add '-- underway:no-transaction'"
                    + " to run every statement on its own with progress recorded after each");
        }
        for (SqlStatement s : statements) {
            if (rules.isTransactionControl(s)) {
                throw UnderwayException.usage(script.script() + ":" + s.line() + ": '" + s.preview(40)
                        + "' controls the transaction, but Underway already runs this migration in one transaction"
                        + " with its history row. Remove it, or add '-- underway:no-transaction' to manage"
                        + " transactions yourself");
            }
        }
        return TRANSACTIONAL;
    }
}
