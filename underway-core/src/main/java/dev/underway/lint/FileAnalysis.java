package dev.underway.lint;

import dev.underway.report.Finding;

import java.util.List;

/**
 * A linted file.
 *
 * @param findings   every unsuppressed finding of the file, including those about its directives
 * @param suppressed how many findings suppressions with a reason removed
 */
public record FileAnalysis(LintInput input, List<StatementAnalysis> statements, List<Finding> findings, int suppressed) {

    public FileAnalysis {
        statements = List.copyOf(statements);
        findings = List.copyOf(findings);
    }
}
