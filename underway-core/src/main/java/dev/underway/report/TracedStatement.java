package dev.underway.report;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.Verdict;

import java.util.List;

/**
 * One statement of a traced migration: the static verdict, what really happened, and where they disagree.
 *
 * @param observation null when the statement was not run (transaction control)
 */
public record TracedStatement(String file, SqlStatement statement, Verdict verdict, Observation observation,
                              List<String> differences) {

    public TracedStatement {
        differences = List.copyOf(differences);
    }

    public boolean agrees() {
        return differences.isEmpty();
    }
}
