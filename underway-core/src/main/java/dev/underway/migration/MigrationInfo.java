package dev.underway.migration;


import java.time.Instant;

/**
 * One line of {@code underway info}.
 *
 * @param type        {@code SQL}, {@code BASELINE}, or a type imported from Flyway
 * @param checksum    the file's checksum, or the recorded one when the file is missing
 * @param installedOn null unless applied (or attempted)
 * @param executionMs null unless applied (or attempted)
 * @param note        why the state is what it is, when that is not obvious (or null)
 * @param installedBy the database user that applied it, null unless applied (or attempted)
 */
public record MigrationInfo(
        MigrationVersion version,
        String description,
        MigrationCategory category,
        String type,
        String script,
        MigrationState state,
        Integer checksum,
        Instant installedOn,
        Long executionMs,
        String note,
        String installedBy) {

    public MigrationInfo(MigrationVersion version, String description, MigrationCategory category, String type,
                         String script, MigrationState state, Integer checksum, Instant installedOn, Long executionMs,
                         String note) {
        this(version, description, category, type, script, state, checksum, installedOn, executionMs, note, null);
    }

    /** A history row as recorded, for a listing made without the migration files. */
    public static MigrationInfo recorded(HistoryRow r) {
        String note = r.isYaml() ? "expand/contract " + r.phase() : r.success() ? null
                : "failed after " + r.statementsDone() + (r.statementsDone() == 1 ? " statement" : " statements");
        return new MigrationInfo(r.version(), r.description(),
                r.isVersioned() ? MigrationCategory.VERSIONED : MigrationCategory.REPEATABLE, r.type(), r.script(),
                r.success() ? MigrationState.APPLIED : MigrationState.FAILED, r.checksum(), r.installedOn(),
                r.executionMs(), note, r.installedBy());
    }
}
