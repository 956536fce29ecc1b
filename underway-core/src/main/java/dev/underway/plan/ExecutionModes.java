package dev.underway.plan;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.TransactionRules;
import dev.underway.migration.Directive;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.SqlScript;
import dev.underway.migration.SqlStatement;

import java.util.List;
import java.util.Optional;

/** How a SQL migration runs on an engine ({@link ExecutionMode}), and why a file that cannot run is refused. */
public final class ExecutionModes {
    private ExecutionModes() {
    }

    /**
     * Decides the mode of a migration. A file that mixes statements that cannot run in a
     * transaction with statements that can, without saying {@code -- underway:no-transaction},
     * is refused with a message saying how to split it.
     */
    public static ExecutionMode of(MigrationScript script, TransactionRules rules) {
        refusal(script.sql(), script.version() == null ? null : script.version().toString(), rules).ifPresent(r -> {
            throw UnderwayException.of(Reason.REFUSED_STATEMENT, script.script() + ":" + r.line() + ": " + r.message()).at(script.script(), r.line());
        });
        if (!rules.transactionalDdl() || script.sql().has(Directive.NO_TRANSACTION)) {
            return ExecutionMode.PER_STATEMENT;
        }
        boolean allOutside = script.sql().statements().stream().allMatch(s -> rules.whyNotInTransaction(s).isPresent());
        return allOutside ? ExecutionMode.PER_STATEMENT : ExecutionMode.TRANSACTIONAL;
    }

    /**
     * Why migrate refuses to run a file as written, at which line; lint reports the same (UW005).
     *
     * @param version the file's version, for the suggested name of a split-off migration; null when unknown
     */
    public static Optional<Refusal> refusal(SqlScript sql, String version, TransactionRules rules) {
        List<SqlStatement> statements = sql.statements();
        if (!rules.transactionalDdl() || sql.has(Directive.NO_TRANSACTION)) {
            return Optional.empty();
        }
        List<SqlStatement> outside = statements.stream().filter(s -> rules.whyNotInTransaction(s).isPresent()).toList();
        if (outside.size() == statements.size()) {
            return Optional.empty();
        }
        if (!outside.isEmpty()) {
            SqlStatement first = outside.get(0);
            SqlStatement inside = statements.stream().filter(s -> rules.whyNotInTransaction(s).isEmpty()).findFirst()
                    .orElseThrow();
            String what = rules.whyNotInTransaction(first).orElseThrow();
            return Optional.of(new Refusal(first.line(), what + " cannot run inside a transaction, but the"
                    + " statement at line " + inside.line() + " of the same file runs in one. Move the " + what
                    + " statement(s) into a migration of their own (e.g. V" + (version == null ? "<version>" : version)
                    + ".1__concurrently.sql), or add '-- underway:no-transaction' to run every statement on its own with"
                    + " progress recorded after each"));
        }
        for (SqlStatement s : statements) {
            if (rules.isTransactionControl(s)) {
                return Optional.of(new Refusal(s.line(), "'" + s.preview(40) + "' controls the transaction, but"
                        + " Underway already runs this migration in one transaction with its history row. Remove it, or"
                        + " add '-- underway:no-transaction' to manage transactions yourself"));
            }
        }
        return Optional.empty();
    }

    /** A file migrate refuses to run: the line to point at and what to do. */
    public record Refusal(int line, String message) {
    }
}
