package dev.underway.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file name says: {@code V<version>__<description>.sql} (versioned) or
 * {@code R__<description>.sql} (repeatable). Underscores in the description become spaces.
 */
public record MigrationName(MigrationVersion version, String description, MigrationCategory category) {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    /** A declarative (expand/contract) migration: {@code V<version>__<description>.yaml} (or {@code .yml}). */
    private static final Pattern DECLARATIVE = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.ya?ml");
    /** Flyway's undo ({@code U}) and baseline ({@code B}) migrations, which Underway does not run. */
    private static final Pattern FLYWAY_ONLY = Pattern.compile("([UB])\\d+(?:[._]\\d+)*__.*\\.sql");
    /** Names that are clearly meant as migrations: a V or R, then a digit or an underscore. */
    private static final Pattern CANDIDATE = Pattern.compile("(?i)[VR][0-9_.].*\\.sql");

    /** Parses a file name; empty when it is not a well-formed migration name (see {@link #problem}). */
    public static Optional<MigrationName> parse(String fileName) {
        Matcher v = VERSIONED.matcher(fileName);
        if (v.matches()) {
            return Optional.of(new MigrationName(MigrationVersion.parse(v.group(1)), describe(v.group(2)),
                    MigrationCategory.VERSIONED));
        }
        Matcher r = REPEATABLE.matcher(fileName);
        if (r.matches()) {
            return Optional.of(new MigrationName(null, describe(r.group(1)), MigrationCategory.REPEATABLE));
        }
        return Optional.empty();
    }

    /** The version and description of a declarative migration's file name; empty for any other name. */
    public static Optional<MigrationName> parseDeclarative(String fileName) {
        Matcher m = DECLARATIVE.matcher(fileName);
        return m.matches() ? Optional.of(new MigrationName(MigrationVersion.parse(m.group(1)), describe(m.group(2)),
                MigrationCategory.VERSIONED)) : Optional.empty();
    }

    /** True when the name looks like a migration (so failing to parse it is an error, not a skip). */
    public static boolean looksLikeMigration(String fileName) {
        return CANDIDATE.matcher(fileName).matches();
    }

    /**
     * Why a Flyway undo or baseline migration is refused, or empty for any other name. Skipping one silently
     * would let a user believe its undo would run on rollback, or its baseline on a fresh database.
     */
    public static Optional<String> flywayOnly(String fileName) {
        Matcher m = FLYWAY_ONLY.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).equals("U")
                ? "a Flyway undo migration; Underway does not run undo or baseline scripts (undo a change with a new"
                + " versioned migration, or use a YAML migration and its rollback); delete it or move it out of the directory"
                : "a Flyway baseline migration; Underway does not run undo or baseline scripts (adopt an existing database"
                + " with baseline --version or baseline --from-flyway); delete it or move it out of the directory");
    }

    /** Why a name that looks like a migration does not parse. */
    public static String problem(String fileName) {
        char prefix = fileName.charAt(0);
        if (Character.isLowerCase(prefix)) {
            return "the prefix must be an upper-case " + Character.toUpperCase(prefix);
        }
        if (!fileName.endsWith(".sql")) {
            return "the extension must be .sql in lower case";
        }
        if (!fileName.contains("__")) {
            return "the version and the description must be separated by two underscores, e.g. V1__create_users.sql";
        }
        if (prefix == 'R') {
            return "a repeatable migration is named R__<description>.sql, without a version";
        }
        return "the version must be numbers separated by dots or single underscores, e.g. V1.2__add_index.sql";
    }

    private static String describe(String raw) {
        return raw.replace('_', ' ').strip();
    }

    /** The form used in headings: {@code V3 add index} or {@code R views}. */
    public String title() {
        return (category == MigrationCategory.VERSIONED ? "V" + version : "R") + " " + description;
    }

    /** The form used in messages: {@code V3} or {@code R "views"}. */
    public String label() {
        return category == MigrationCategory.VERSIONED ? "V" + version : "R \"" + description + "\"";
    }
}
