package dev.underway.migration;

import java.util.List;

/**
 * What migrate would do: every step of the run in order, SQL migrations with their execution mode and the phases
 * of declarative migrations with their actions, all under one migration lock.
 *
 * @param database     e.g. {@code PostgreSQL 17.6}
 * @param targetSchema the schema (or MySQL database) the migrations apply to
 * @param steps        the SQL migrations and declarative phases, in the order the run takes them
 * @param waiting      what the run leaves for a later one, as sentences (what waits for a declarative migration's
 *                     complete)
 */
public record MigratePlan(String database, String targetSchema, List<PlanStep> steps, List<String> waiting) {
    public MigratePlan {
        steps = List.copyOf(steps);
        waiting = List.copyOf(waiting);
    }

    public MigratePlan(String database, String targetSchema, List<PlanStep> steps) {
        this(database, targetSchema, steps, List.of());
    }

    /** The SQL migrations among the steps. */
    public List<PlannedMigration> migrations() {
        return steps.stream().filter(PlannedMigration.class::isInstance).map(PlannedMigration.class::cast).toList();
    }

    /** How many migrations the plan touches: a declarative one counts once, though its phases are steps apart. */
    public long migrationCount() {
        return steps.stream().map(PlanStep::script).distinct().count();
    }
}
