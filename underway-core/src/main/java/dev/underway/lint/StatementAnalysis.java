package dev.underway.lint;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.Verdict;
import dev.underway.report.Finding;
import dev.underway.sql.shape.StatementShape;

import java.util.List;

/**
 * One statement as the linter saw it: its shape, its verdict (with the schema as the statements
 * before it left it) and its unsuppressed findings. The executor and trace read verdicts from here.
 *
 * @param inExplicitTransaction the statement is inside a {@code BEGIN ... COMMIT} block written in the file
 */
public record StatementAnalysis(SqlStatement statement, StatementShape shape, Verdict verdict, List<Finding> findings,
                                boolean inExplicitTransaction) {

    public StatementAnalysis {
        findings = List.copyOf(findings);
    }
}
