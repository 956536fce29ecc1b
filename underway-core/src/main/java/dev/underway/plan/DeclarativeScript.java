package dev.underway.plan;

import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationVersion;

import java.nio.file.Path;

/**
 * A declarative (YAML) migration file as validation sees it: its name and checksum. What its operations mean
 * is read by {@code op.YamlMigration}; the directory and the history only need to know it is there, and whether
 * it is the file that ran.
 *
 * @param script   the path relative to the migration directory, with {@code /} separators
 * @param checksum the file checksum (see {@link Checksums#file}), as start records it
 */
public record DeclarativeScript(MigrationName name, String script, Path path, int checksum) {

    public MigrationVersion version() {
        return name.version();
    }

    public String description() {
        return name.description();
    }
}
