/**
 * Public API: the values of migrations that the facade ({@link dev.underway.Underway}) takes and returns. Versions,
 * names and scripts ({@code MigrationVersion}, {@code MigrationScript} with its {@code SqlStatement}s, tokens and
 * directives), states and history ({@code MigrationInfo}, {@code MigrationState}, {@code HistoryRow}), what
 * {@code migrate} plans and did ({@code MigratePlan} with its {@code PlanStep}s, {@code PlannedMigration},
 * {@code PhasePlan}, {@code Action}, {@code ExecutableStatement}, {@code Verdict}, {@code Blocker};
 * {@code MigrateResult}, {@code AppliedMigration}), declarative phases ({@code PhaseResult},
 * {@code MigrationStatus}, {@code FlightPhase}) and backfills ({@code BackfillRequest}, {@code RowChange},
 * {@code BackfillResult}, {@code BackfillState}, {@code BackfillCheckpoint}).
 *
 * <p>Values only: records and enums that check their own invariants. It depends on nothing in the library but the
 * failure model ({@code UnderwayException}, {@code Reason}, {@code Setting}) and {@code Durations}; every engine of
 * work builds them, none of them does work.
 */
package dev.underway.migration;
