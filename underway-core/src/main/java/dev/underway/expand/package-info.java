/**
 * Expand/contract orchestration: {@code ExpandContract} runs start, complete and rollback of declarative migrations
 * under the migration lock and reports status; {@code PhaseRun} executes a phase's actions with their progress records
 * so a killed phase resumes; {@code StartChecks}, {@code InFlightMigrations} and {@code EarlierRuns} decide what may
 * run; {@code DirectoryMigration} is migrate on a directory that also holds YAML migrations (one plan, one lock). It
 * uses {@code op}, the executor and backfills; it must not depend on the tools ({@code synthetic}, {@code load},
 * {@code trace}, {@code rehearse}) or the facade.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.expand;
