package dev.underway.migration;

import dev.underway.Durations;

import java.time.Duration;

/**
 * One statement ready to run: the SQL the server receives, the lock it takes and how it is guarded. The one plan
 * element of both a SQL migration and a declarative migration's phase actions, printed by the dry runs and run by
 * the executor. Built by {@link StatementPlanner}, which is also where a statement may be rewritten before it runs.
 *
 * @param source           the statement as written in its file (a phase action's statement: on the "line" of its
 *                         action's number)
 * @param sql              what the server receives
 * @param lock             the table lock the classifier's verdict says it takes ({@code none}, {@code ACCESS EXCLUSIVE}, ...)
 * @param lockTimeout      the short lock timeout; null: none (the server's default)
 * @param statementTimeout null: the server's default; {@link Duration#ZERO}: no limit
 * @param concurrentIndex  the index it builds concurrently (to drop when the build fails); null otherwise
 */
public record ExecutableStatement(SqlStatement source, String sql, String lock, TimeoutClass timeoutClass, Duration lockTimeout,
                                  Duration statementTimeout, ConcurrentIndex concurrentIndex) {

    /** How it is guarded, for plans and messages: {@code lock timeout 2s, statement timeout 1m}; empty when not at all. */
    public String guards() {
        String lock = lockTimeout == null ? "" : "lock timeout " + Durations.format(lockTimeout);
        String statement = statementTimeout == null ? ""
                : "statement timeout " + (statementTimeout.isZero() ? "none" : Durations.format(statementTimeout));
        return lock + (lock.isEmpty() || statement.isEmpty() ? "" : ", ") + statement;
    }

    /**
     * The one rule for the lock timeout of statements run in one transaction: any wait inside the transaction holds
     * the locks of the statements before it, so once one statement needs the short lock timeout, the whole
     * transaction runs with it. Null when none does.
     */
    public static Duration inOneTransaction(java.util.List<ExecutableStatement> statements) {
        return statements.stream().map(ExecutableStatement::lockTimeout).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }
}
