package dev.underway.report;

import java.util.Locale;

/** How bad a finding is: an unsuppressed ERROR fails lint (exit 1) and stops migrate. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's {@code level}. */
    public String sarifLevel() {
        return this == INFO ? "note" : label();
    }
}
