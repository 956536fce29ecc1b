package dev.underway.plan;

import java.time.Instant;

/**
 * One line of {@code underway info}.
 *
 * @param type        {@code SQL}, {@code BASELINE}, or a type imported from Flyway
 * @param checksum    the file's checksum, or the recorded one when the file is missing
 * @param installedOn null unless applied (or attempted)
 * @param executionMs null unless applied (or attempted)
 * @param note        why the state is what it is, when that is not obvious (or null)
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
        String note) {
}
