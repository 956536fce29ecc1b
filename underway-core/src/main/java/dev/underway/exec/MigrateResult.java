package dev.underway.exec;

import dev.underway.plan.MigrationVersion;

import java.util.List;

/**
 * What migrate did.
 *
 * @param currentVersion the highest applied version after the run (null when none)
 * @param waiting        pending migrations that wait for a declarative migration to be completed, as sentences
 */
public record MigrateResult(String database, String targetSchema, List<AppliedMigration> applied,
                            MigrationVersion currentVersion, List<String> waiting) {
    public MigrateResult {
        waiting = List.copyOf(waiting);
    }
}
