package dev.underway.op;

import java.util.List;

/**
 * What a phase would run (dry run): its actions in order, and where a re-run would resume.
 *
 * @param tables the tables the migration changes, by their names before it
 */
public record PhasePlan(String version, String script, String phase, String newSchema, String oldSchema,
                        List<String> tables, List<Action> actions, int resumeAt) {
    public PhasePlan {
        tables = List.copyOf(tables);
        actions = List.copyOf(actions);
    }
}
