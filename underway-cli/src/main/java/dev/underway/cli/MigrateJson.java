package dev.underway.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.underway.migration.AppliedMigration;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationVersion;

import java.util.List;
import java.util.Locale;

/**
 * {@code migrate --format json} on success: the README documents these keys. (Its failure object is the error
 * reporter's.)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record MigrateJson(String database, String schema, MigrationVersion currentVersion, List<Applied> applied,
                   List<String> waiting, List<String> warnings) {
    static MigrateJson of(MigrateResult r) {
        return new MigrateJson(r.database(), r.targetSchema(), r.currentVersion(),
                r.applied().stream().map(Applied::of).toList(), r.waiting(), r.warnings());
    }

    /** @param migration {@code V3} or {@code R "views"} */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Applied(String migration, String description, String script, String mode, int statements, int resumedAt,
                   long executionMs, int retries, long lockWaitMs) {
        static Applied of(AppliedMigration a) {
            return new Applied(a.label(), a.description(), a.script(), a.mode().name().toLowerCase(Locale.ROOT),
                    a.statements(), a.resumedAt(), a.executionMs(), a.retries(), a.lockWaitMs());
        }
    }
}
