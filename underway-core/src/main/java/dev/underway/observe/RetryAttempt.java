package dev.underway.observe;

import dev.underway.Durations;
import dev.underway.migration.Blocker;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.SqlStatement;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One failed attempt of a statement, or of a migration's transaction, that Underway retries
 * or gives up on.
 *
 * @param script    the migration file
 * @param statement the statement that failed
 * @param attempt   1 for the first try
 * @param waited    how long the failing statement ran; for a lock timeout, how long it waited
 * @param blockers  who kept it waiting, as seen while it waited
 * @param elapsed   time spent on this statement or transaction so far, retries included
 * @param budget    how long it may keep retrying in total
 * @param retryIn   the pause before the next attempt; null when Underway gives up
 * @param nextLockTimeout how long the next attempt may wait for its lock (attempts start short and grow up to
 *                  the lock timeout); null when Underway gives up or the statement has no lock timeout
 */
public record RetryAttempt(String script, SqlStatement statement, int attempt, ErrorKind kind, Duration waited,
                           List<Blocker> blockers, Duration elapsed, Duration budget, Duration retryIn,
                           Duration nextLockTimeout) {

    public RetryAttempt {
        blockers = List.copyOf(blockers);
    }

    public RetryAttempt(String script, SqlStatement statement, int attempt, ErrorKind kind, Duration waited,
                        List<Blocker> blockers, Duration elapsed, Duration budget, Duration retryIn) {
        this(script, statement, attempt, kind, waited, blockers, elapsed, budget, retryIn, null);
    }

    public boolean givingUp() {
        return retryIn == null;
    }

    /** One line for humans and logs. */
    public String describe() {
        String what = script + ":" + statement.line() + " '" + statement.preview(50) + "' " + switch (kind) {
            case LOCK_TIMEOUT -> "waited " + Durations.approximate(waited) + " for a lock and gave up waiting";
            case DEADLOCK -> "was chosen as a deadlock victim";
            case SERIALIZATION -> "hit a serialization failure";
            case CONNECTION -> "lost its connection before it finished";
            default -> "failed (" + kind + ")";
        };
        String progress = " (attempt " + attempt + ", " + Durations.approximate(elapsed) + " of "
                + Durations.approximate(budget) + " spent)";
        String blocked = blockers.isEmpty() ? (kind == ErrorKind.LOCK_TIMEOUT ? "; no blocker seen" : "")
                : "; blocked by " + blockers.stream().map(Blocker::describe).collect(Collectors.joining(", "));
        String next = retryIn == null ? "; giving up" : "; next attempt in " + Durations.approximate(retryIn)
                + (nextLockTimeout == null ? "" : ", waiting up to " + Durations.approximate(nextLockTimeout));
        return what + progress + blocked + next;
    }
}
