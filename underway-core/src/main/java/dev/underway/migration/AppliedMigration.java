package dev.underway.migration;


/**
 * What migrate did with one migration.
 *
 * @param label      {@code V3} or {@code R "views"}
 * @param statements statements executed in this run
 * @param resumedAt  index of the first statement run (0 unless resumed)
 * @param retries    attempts that failed (lock timeout, deadlock, lost connection) and were retried
 * @param lockWaitMs time its statements spent waiting for locks before giving up and retrying
 */
public record AppliedMigration(String label, String description, String script, ExecutionMode mode, int statements,
                               int resumedAt, long executionMs, int retries, long lockWaitMs) {
}
