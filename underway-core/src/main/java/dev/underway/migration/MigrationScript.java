package dev.underway.migration;


import java.nio.file.Path;

/**
 * One migration file, read and split.
 *
 * @param script   the path relative to the migration directory, with {@code /} separators
 * @param checksum the file checksum (see {@link Checksums#file})
 */
public record MigrationScript(MigrationName name, String script, Path path, int checksum, SqlScript sql) {

    public MigrationVersion version() {
        return name.version();
    }

    public String description() {
        return name.description();
    }

    public MigrationCategory category() {
        return name.category();
    }

    public boolean isVersioned() {
        return name.category() == MigrationCategory.VERSIONED;
    }
}
