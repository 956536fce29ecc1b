package dev.underway.report;

/**
 * How the linted files will be run.
 *
 * @param externalRunner the files are run by another tool that sets no lock timeout of its own (psql, Flyway):
 *                       statements that take strong locks then need a {@code SET lock_timeout} in the file.
 *                       Underway's own executor sets one, so this is false for {@code migrate}.
 */
public record LintOptions(boolean externalRunner) {
    public static final LintOptions DEFAULT = new LintOptions(false);
}
