package dev.underway.exec;

import dev.underway.plan.MigrationVersion;

import java.util.List;

/**
 * What migrate did.
 *
 * @param currentVersion the highest applied version after the run (null when none)
 */
public record MigrateResult(String database, String targetSchema, List<AppliedMigration> applied,
                            MigrationVersion currentVersion) {
}
