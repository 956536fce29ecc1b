package dev.underway;

import dev.underway.observe.PhaseListener;

/**
 * How one {@link Underway#migrate(MigrateOptions)} (or its dry run, {@link Underway#plan(MigrateOptions)}) runs.
 * Immutable: each {@code with} method returns a copy.
 *
 * <pre>{@code
 * uw.migrate(MigrateOptions.defaults().withComplete(true).withPhases(myPhaseListener));
 * }</pre>
 *
 * @param complete also complete the declarative (YAML) migrations the run starts (default: start them only, and
 *                 stop before the first migration written for the completed schema)
 * @param phases   progress of each phase of a declarative migration (default: none)
 */
public record MigrateOptions(boolean complete, PhaseListener phases) {
    private static final MigrateOptions DEFAULTS = new MigrateOptions(false, PhaseListener.NONE);

    public MigrateOptions {
        phases = phases == null ? PhaseListener.NONE : phases;
    }

    /** What {@link Underway#migrate()} does: start declarative migrations, no phase listener. */
    public static MigrateOptions defaults() {
        return DEFAULTS;
    }

    public MigrateOptions withComplete(boolean complete) {
        return new MigrateOptions(complete, phases);
    }

    public MigrateOptions withPhases(PhaseListener phases) {
        return new MigrateOptions(complete, phases);
    }
}
