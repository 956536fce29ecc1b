package dev.underway.migration;

/**
 * How to find the rows that break a constraint being validated, for the message when the
 * validation fails.
 *
 * @param what      the constraint as users know it: {@code constraint total_small on orders}, {@code NOT NULL on users.email}
 * @param sampleSql returns up to five offending keys as text
 */
public record Violation(String what, String sampleSql) {
}
