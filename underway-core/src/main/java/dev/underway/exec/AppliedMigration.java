package dev.underway.exec;

/**
 * What migrate did with one migration.
 *
 * @param label      {@code V3} or {@code R "views"}
 * @param statements statements executed in this run
 * @param resumedAt  index of the first statement run (0 unless resumed)
 */
public record AppliedMigration(String label, String description, String script, ExecutionMode mode, int statements,
                               int resumedAt, long executionMs) {
}
