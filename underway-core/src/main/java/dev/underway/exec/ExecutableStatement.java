package dev.underway.exec;

import dev.underway.Durations;
import dev.underway.dialect.ConcurrentIndex;
import dev.underway.dialect.TimeoutClass;
import dev.underway.sql.SqlStatement;

import java.time.Duration;

/**
 * One statement ready to run: the SQL the server receives and how it is guarded. Built by
 * {@link StatementPlanner}, which is also where a statement may be rewritten before it runs.
 *
 * @param source           the statement as written in its file
 * @param sql              what the server receives
 * @param lockTimeout      the short lock timeout; null: none (the server's default)
 * @param statementTimeout null: the server's default; {@link Duration#ZERO}: no limit
 * @param concurrentIndex  the index it builds concurrently (to drop when the build fails); null otherwise
 */
public record ExecutableStatement(SqlStatement source, String sql, TimeoutClass timeoutClass, Duration lockTimeout,
                                  Duration statementTimeout, ConcurrentIndex concurrentIndex) {

    /** How it is guarded, for plans and messages: {@code lock timeout 2s, statement timeout 1m}; empty when not at all. */
    public String guards() {
        String lock = lockTimeout == null ? "" : "lock timeout " + Durations.format(lockTimeout);
        String statement = statementTimeout == null ? ""
                : "statement timeout " + (statementTimeout.isZero() ? "none" : Durations.format(statementTimeout));
        return lock + (lock.isEmpty() || statement.isEmpty() ? "" : ", ") + statement;
    }
}
