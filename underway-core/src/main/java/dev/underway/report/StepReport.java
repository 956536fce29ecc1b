package dev.underway.report;


import java.util.List;

/**
 * One rehearsed statement (or one expand/contract action that runs no statement of its own, such as a
 * backfill): what it did to the database and what the application saw around it. Times are milliseconds
 * since the load began.
 *
 * @param phase      {@code start} or {@code complete} for declarative migrations; null for SQL migrations
 * @param lockMode   the strongest lock held on an existing table once it ran (in a migration's transaction this
 *                   includes the locks of the statements before it, which are held too); {@code none}
 * @param lockSource {@code observed} (PostgreSQL: its session's pg_locks) or {@code verdict} (the classifier's,
 *                   where the engine cannot show a statement's locks)
 * @param locks      the locks held once it ran, one per relation ({@code table: MODE})
 * @param lockWaitMs how long it waited for locks: failed attempts plus the wait of the attempt that succeeded
 * @param waitedFor  what it waited for, as seen while it waited
 * @param rewritten  existing tables whose storage it wrote anew
 * @param rebuiltIndexes existing indexes it rebuilt
 * @param lint       codes of the lint findings on it
 * @param before     the load in the window before it started
 * @param during     queries that ran while it ran
 * @param after      the load in the window after it ended
 * @param stall      the longest stall of the application that belongs to it: one that happened mostly while it ran
 *                   (it waited for a lock, or ran while its session held one), or one spread over the statements
 *                   of its migration's transaction that it took the strongest lock of ({@code stallScope})
 * @param stallScope {@code statement} or {@code transaction} (see {@code stall}); null when no stall belongs to it
 */
public record StepReport(String migration, String file, int line, String phase, String sql, long startMs,
                         long durationMs, String lockMode, String lockSource, List<String> locks, long lockWaitMs,
                         List<String> waitedFor, int retries, List<String> rewritten, List<String> rebuiltIndexes,
                         List<String> lint, String error, LatencyStats before, LatencyStats during, LatencyStats after,
                         Stall stall, String stallScope) {

    public StepReport {
        locks = List.copyOf(locks);
        waitedFor = List.copyOf(waitedFor);
        rewritten = List.copyOf(rewritten);
        rebuiltIndexes = List.copyOf(rebuiltIndexes);
        lint = List.copyOf(lint);
    }

    public boolean rewrite() {
        return !rewritten.isEmpty();
    }

    public long endMs() {
        return startMs + durationMs;
    }

    public StepReport withStall(Stall s, String scope) {
        return new StepReport(migration, file, line, phase, sql, startMs, durationMs, lockMode, lockSource, locks,
                lockWaitMs, waitedFor, retries, rewritten, rebuiltIndexes, lint, error, before, during, after, s, scope);
    }
}
