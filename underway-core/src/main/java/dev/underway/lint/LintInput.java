package dev.underway.lint;

import dev.underway.plan.MigrationScript;
import dev.underway.sql.SqlScript;

/**
 * One file to lint.
 *
 * @param file   its name in messages (relative to the migration directory, or as given)
 * @param script its statements and directives
 */
public record LintInput(String file, SqlScript script) {

    public static LintInput of(MigrationScript m) {
        return new LintInput(m.script(), m.sql());
    }
}
