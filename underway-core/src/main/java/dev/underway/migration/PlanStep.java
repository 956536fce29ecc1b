package dev.underway.migration;

import java.util.List;

/**
 * One step of a migrate plan, in the order the run takes them: a SQL migration ({@link PlannedMigration}) or a
 * phase (start, complete) of a declarative migration ({@code op.PhasePlan}).
 */
public interface PlanStep {
    /** The file the step comes from, relative to the migration directory. */
    String script();

    /** The statements the step runs, planned (lock, timeouts), from where a run would resume. */
    List<ExecutableStatement> toRun();
}
