package dev.underway.report;

import dev.underway.migration.Verdict;

/**
 * One thing the linter says about one statement.
 *
 * @param file        the migration file, relative to the directory (or as given)
 * @param line        the statement's first line (or the directive's line for suppression findings)
 * @param statement   the statement's text
 * @param explanation why it matters
 * @param safeAlternative what to write instead
 * @param verdict     the statement's lock verdict, or null for findings about directives
 */
public record Finding(String code, Severity severity, String message, String explanation, String safeAlternative,
                      String file, int line, String statement, Verdict verdict) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code V3__x.sql:12: PG101 error: message}. */
    public String headline() {
        return file + ":" + line + ": " + code + " " + severity.label() + ": " + message;
    }
}
