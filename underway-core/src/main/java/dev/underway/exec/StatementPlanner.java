package dev.underway.exec;

import dev.underway.UnderwayException;
import dev.underway.config.Durations;
import dev.underway.config.OnlineExecution;
import dev.underway.dialect.ConcurrentIndex;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.TimeoutClass;
import dev.underway.plan.MigrationScript;
import dev.underway.sql.Directive;
import dev.underway.sql.SqlStatement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a migration's statements into {@link ExecutableStatement}s: which timeouts guard each
 * one, and what the server receives. Statement rewrites (such as appending
 * {@code ALGORITHM=INPLACE, LOCK=NONE} on MySQL) belong in {@link #plan(SqlStatement, Duration)}.
 */
public final class StatementPlanner {
    private final Dialect dialect;
    private final OnlineExecution online;

    public StatementPlanner(Dialect dialect, OnlineExecution online) {
        this.dialect = dialect;
        this.online = online;
    }

    /** Every statement of the file; refuses a bad {@code lock-timeout} directive or an unnamed concurrent index. */
    public List<ExecutableStatement> plan(MigrationScript script) {
        Duration lockTimeout = lockTimeout(script);
        List<ExecutableStatement> planned = new ArrayList<>();
        for (SqlStatement s : script.sql().statements()) {
            ExecutableStatement e = plan(s, lockTimeout);
            if (e.concurrentIndex() != null && e.concurrentIndex().name() == null) {
                throw UnderwayException.usage(script.script() + ":" + s.line() + ": '" + s.preview(60) + "' builds an"
                        + " index concurrently without naming it. Name the index (CREATE INDEX CONCURRENTLY name ON ...):"
                        + " a failed concurrent build leaves an INVALID index behind, and Underway drops it by name");
            }
            planned.add(e);
        }
        return planned;
    }

    ExecutableStatement plan(SqlStatement s, Duration lockTimeout) {
        TimeoutClass timeoutClass = dialect.timeoutPolicy().classify(s);
        Duration lock = dialect.timeoutPolicy().takesLockTimeout(timeoutClass)
                ? dialect.sessionTimeouts().effectiveLockTimeout(lockTimeout) : null;
        Duration statement = switch (timeoutClass) {
            case BRIEF_STRONG_LOCK -> online.statementTimeout();
            case LONG_NON_BLOCKING -> online.longStatementTimeout();
            case OTHER -> null;
        };
        ConcurrentIndex index = dialect.concurrentIndexes().builtBy(s).orElse(null);
        return new ExecutableStatement(s, s.sql(), timeoutClass, lock, statement, index);
    }

    /** The file's {@code -- underway:lock-timeout=...}, or the configured one. */
    private Duration lockTimeout(MigrationScript script) {
        List<Directive> given = script.sql().directives().stream()
                .filter(d -> d.name().equals(Directive.LOCK_TIMEOUT)).toList();
        if (given.isEmpty()) {
            return online.lockTimeout();
        }
        Directive d = given.get(0);
        String where = script.script() + ":" + d.line() + ": ";
        if (given.size() > 1) {
            throw UnderwayException.usage(where + "lock-timeout is given again at line " + given.get(1).line()
                    + "; it applies to the whole file, so give it once");
        }
        Duration value;
        try {
            value = Durations.parse(d.argument());
        } catch (UnderwayException e) {
            throw UnderwayException.usage(where + "-- underway:lock-timeout=" + d.argument() + ": " + e.getMessage());
        }
        if (value.isZero()) {
            throw UnderwayException.usage(where + "-- underway:lock-timeout must be positive; a statement would"
                    + " otherwise wait for its lock without limit");
        }
        return value;
    }
}
