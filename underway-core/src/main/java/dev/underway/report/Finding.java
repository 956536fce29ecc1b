package dev.underway.report;

import dev.underway.Audience;
import dev.underway.Setting;
import dev.underway.migration.Verdict;

/**
 * One thing the linter says about one statement.
 *
 * @param file        the migration file, relative to the directory (or as given)
 * @param line        the statement's first line (or the directive's line for suppression findings)
 * @param statement   the statement's text
 * @param explanation why it matters
 * @param safeAlternative what to write instead, naming the fixer for its reader ({@link #safeAlternative(Audience)})
 * @param verdict     the statement's lock verdict, or null for findings about directives
 */
public record Finding(String code, Severity severity, String message, String explanation, String safeAlternative,
                      String file, int line, String statement, Verdict verdict) {

    /** What to write instead, for a library caller. */
    @Override
    public String safeAlternative() {
        return safeAlternative(Audience.LIBRARY);
    }

    /** What to write instead, naming the fixer for {@code audience}: {@code lint --fix} or {@code Underway.fix}. */
    public String safeAlternative(Audience audience) {
        return Setting.render(safeAlternative, audience);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code V3__x.sql:12: PG101 error: message}. */
    public String headline() {
        return file + ":" + line + ": " + code + " " + severity.label() + ": " + message;
    }
}
