package dev.underway.migration;

import dev.underway.Durations;
import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.time.Duration;

/**
 * How the executor keeps migrations from blocking the application.
 *
 * @param lockTimeout          how long a statement that takes a strong lock may wait for it before it
 *                             gives up and is retried (a file may override it with {@code -- underway:lock-timeout=});
 *                             the cap of the retry schedule's attempts, which start shorter
 * @param lockRetryFor         the total time one statement (or one migration transaction) keeps retrying
 * @param statementTimeout     how long a brief catalog change may run; {@link Duration#ZERO}: no limit
 * @param longStatementTimeout how long non-blocking long work (concurrent index builds, VALIDATE
 *                             CONSTRAINT) may run; {@link Duration#ZERO}: no limit
 * @param killBlockersAfter    after retrying this long, end the sessions that block while idle in a
 *                             transaction; null: never
 * @param appendOnlineClause   on MySQL/MariaDB, append {@code ALGORITHM=INSTANT} or {@code ALGORITHM=INPLACE,
 *                             LOCK=NONE} to operations the classifier knows can run online, so the server
 *                             refuses instead of silently copying the table
 */
public record OnlineExecution(Duration lockTimeout, Duration lockRetryFor, Duration statementTimeout,
                              Duration longStatementTimeout, Duration killBlockersAfter,
                              boolean appendOnlineClause) {

    /**
     * While a blocker holds the lock, attempts of this length with the pauses between them (nine times as long)
     * keep the application's queries queued behind Underway for at most a tenth of any ten seconds.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_LOCK_RETRY_FOR = Duration.ofMinutes(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration DEFAULT_LONG_STATEMENT_TIMEOUT = Duration.ZERO;
    public static final OnlineExecution DEFAULTS = new OnlineExecution(null, null, null, null, null, true);

    public OnlineExecution {
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        lockRetryFor = lockRetryFor == null ? DEFAULT_LOCK_RETRY_FOR : lockRetryFor;
        statementTimeout = statementTimeout == null ? DEFAULT_STATEMENT_TIMEOUT : statementTimeout;
        longStatementTimeout = longStatementTimeout == null ? DEFAULT_LONG_STATEMENT_TIMEOUT : longStatementTimeout;
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "the lock timeout must be positive, got " + Durations.format(lockTimeout)
                    + " (a statement would otherwise wait for its lock without limit)");
        }
        for (Duration d : new Duration[] {lockRetryFor, statementTimeout, longStatementTimeout, killBlockersAfter}) {
            if (d != null && d.isNegative()) {
                throw UnderwayException.of(Reason.BAD_OPTION, "durations must not be negative, got " + d);
            }
        }
    }

    public OnlineExecution withLockTimeout(Duration d) {
        return new OnlineExecution(d, lockRetryFor, statementTimeout, longStatementTimeout, killBlockersAfter, appendOnlineClause);
    }

    public OnlineExecution withLockRetryFor(Duration d) {
        return new OnlineExecution(lockTimeout, d, statementTimeout, longStatementTimeout, killBlockersAfter, appendOnlineClause);
    }

    public OnlineExecution withStatementTimeout(Duration d) {
        return new OnlineExecution(lockTimeout, lockRetryFor, d, longStatementTimeout, killBlockersAfter, appendOnlineClause);
    }

    public OnlineExecution withLongStatementTimeout(Duration d) {
        return new OnlineExecution(lockTimeout, lockRetryFor, statementTimeout, d, killBlockersAfter, appendOnlineClause);
    }

    public OnlineExecution withAppendOnlineClause(boolean append) {
        return new OnlineExecution(lockTimeout, lockRetryFor, statementTimeout, longStatementTimeout, killBlockersAfter,
                append);
    }

    public OnlineExecution withKillBlockersAfter(Duration d) {
        return new OnlineExecution(lockTimeout, lockRetryFor, statementTimeout, longStatementTimeout, d, appendOnlineClause);
    }
}
