package dev.underway.op;

/**
 * How to find the rows that break a constraint being validated, for the message when the
 * validation fails: {@code sampleSql} returns up to five offending keys as text.
 */
public record Violation(String constraint, String table, String sampleSql) {
}
