package dev.underway.op;

import java.util.List;

/** What a phase would run (dry run): its actions in order, and where a re-run would resume. */
public record PhasePlan(String version, String script, String phase, String newSchema, String oldSchema,
                        List<Action> actions, int resumeAt) {
    public PhasePlan {
        actions = List.copyOf(actions);
    }
}
