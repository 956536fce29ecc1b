package dev.underway.migration;


import java.util.List;

/**
 * What a phase would run (dry run): its actions in order, and where a re-run would resume. A step of a migrate
 * plan too, beside the SQL migrations.
 *
 * @param tables the tables the migration changes, by their names before it
 * @param notes  what the actions alone do not say, as sentences: objects that depend on what complete drops
 *               and how they are handled, or that the phase has nothing left to do
 */
public record PhasePlan(String version, String script, String phase, String newSchema, String oldSchema,
                        List<String> tables, List<Action> actions, int resumeAt, List<String> notes) implements PlanStep {
    public PhasePlan {
        tables = List.copyOf(tables);
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }

    public PhasePlan(String version, String script, String phase, String newSchema, String oldSchema,
                     List<String> tables, List<Action> actions, int resumeAt) {
        this(version, script, phase, newSchema, oldSchema, tables, actions, resumeAt, List.of());
    }

    /** The statements of the actions a run would do, from the resume point on (a backfill has none). */
    @Override
    public List<ExecutableStatement> toRun() {
        return actions.subList(resumeAt, actions.size()).stream().flatMap(a -> a.statements().stream()).toList();
    }

    /** The same plan with one more note. */
    public PhasePlan withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new PhasePlan(version, script, phase, newSchema, oldSchema, tables, actions, resumeAt, more);
    }
}
