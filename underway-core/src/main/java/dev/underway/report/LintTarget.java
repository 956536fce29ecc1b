package dev.underway.report;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine and server version lint judges statements for: which rules apply, and which locks a statement takes,
 * depend on both. {@code Underway.lintTarget()} reads a server's; lint without a database takes one given.
 *
 * @param engine  the engine
 * @param version its version as {@code major.minor[.patch]}: the numbers at the start of what is given, so
 *                {@code 17} is {@code 17.0} and {@code 11.4.5-MariaDB} is {@code 11.4.5}
 * @throws IllegalArgumentException when {@code version} holds no number
 */
public record LintTarget(Engine engine, String version) {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** The engines lint knows the locks of. */
    public enum Engine {
        POSTGRESQL("PostgreSQL"),
        MYSQL("MySQL"),
        MARIADB("MariaDB");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        /** Its name in messages: {@code PostgreSQL}. */
        public String label() {
            return label;
        }
    }

    public LintTarget {
        Objects.requireNonNull(engine, "engine");
        Matcher m = NUMBERS.matcher(version == null ? "" : version);
        if (!m.find()) {
            throw new IllegalArgumentException("not a server version: " + version);
        }
        int patch = number(m.group(3));
        version = number(m.group(1)) + "." + number(m.group(2)) + (patch > 0 ? "." + patch : "");
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** A short name for messages: {@code PostgreSQL 17.0}. */
    public String describe() {
        return engine.label() + " " + version;
    }
}
