package dev.underway.migration;


import java.util.List;

/**
 * A pending migration with the way it will run: the unit of a migrate plan.
 *
 * @param statements every statement of the file, planned (a resumed run starts at {@code pending.resumeAt()})
 */
public record PlannedMigration(PendingMigration pending, ExecutionMode mode, List<ExecutableStatement> statements)
        implements PlanStep {
    public PlannedMigration {
        statements = List.copyOf(statements);
    }

    @Override
    public String script() {
        return pending.script().script();
    }

    /** The statements this run executes: all of them, or those from the resume point on. */
    @Override
    public List<ExecutableStatement> toRun() {
        return statements.subList(pending.resumeAt(), statements.size());
    }
}
