package dev.underway.report;

import java.util.List;

/**
 * What a trace observed: every statement of the traced migrations with its static verdict and what the server did.
 *
 * @param database   the engine and version traced on ({@code PostgreSQL 17.6})
 * @param statements every statement in file and line order, transaction control included (not run)
 */
public record TraceReport(String database, List<TracedStatement> statements) {

    public TraceReport {
        statements = List.copyOf(statements);
    }

    /** How many statements behaved otherwise than their static verdict says, or failed. */
    public long differing() {
        return statements.stream().filter(s -> !s.agrees()).count();
    }
}
