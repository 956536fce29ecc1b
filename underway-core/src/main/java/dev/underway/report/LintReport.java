package dev.underway.report;

import java.util.List;

/**
 * What lint found.
 *
 * @param findings   every finding left after suppressions, in file and line order
 * @param suppressed how many findings a suppression with a reason removed
 */
public record LintReport(List<Finding> findings, int suppressed) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
