package dev.underway.report;

import java.util.List;

/**
 * What lint found.
 *
 * @param findings   every finding left after suppressions, in file and line order
 * @param suppressed how many findings a suppression with a reason removed
 * @param files      the SQL files linted, as findings name them (declarative migrations are not linted)
 */
public record LintReport(List<Finding> findings, int suppressed, List<String> files) {

    public LintReport {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
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
