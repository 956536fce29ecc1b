/**
 * The executor, the only place that runs migration statements: {@code Migrator} (migrate), the migration lock
 * ({@code MigrationLock}), the plan types ({@code migration.MigratePlan}, {@code migration.PlanStep}, {@code migration.PlannedMigration},
 * {@code migration.ExecutableStatement}) built by {@code StatementPlanner}, and the machinery that runs them
 * ({@code MigrationExecutor} for SQL migrations, {@code ActionExecutor} for phase actions, both through
 * {@code GuardedStatements}, {@code LockTimeoutRetry} and {@code StatementRunner}); also baseline and repair.
 * {@code SQLException} is classified here and in the dialects, never passed on. It must not depend on
 * {@code backfill}, {@code op}, {@code expand} or the tools above them.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.exec;
