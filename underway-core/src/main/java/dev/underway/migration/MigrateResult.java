package dev.underway.migration;


import java.util.List;

/**
 * What migrate did.
 *
 * @param currentVersion the highest applied version after the run (null when none)
 * @param waiting        pending migrations that wait for a declarative migration to be completed, as sentences
 * @param warnings       what the user should know though nothing failed (an empty directory), as sentences
 */
public record MigrateResult(String database, String targetSchema, List<AppliedMigration> applied,
                            MigrationVersion currentVersion, List<String> waiting, List<String> warnings) {
    public MigrateResult {
        waiting = List.copyOf(waiting);
        warnings = List.copyOf(warnings);
    }

    public MigrateResult(String database, String targetSchema, List<AppliedMigration> applied,
                         MigrationVersion currentVersion, List<String> waiting) {
        this(database, targetSchema, applied, currentVersion, waiting, List.of());
    }
}
