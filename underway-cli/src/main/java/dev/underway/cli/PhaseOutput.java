package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.migration.PhaseResult;

import java.io.PrintWriter;
import java.time.Duration;

/** Prints a phase's result (its plan: {@link PlanOutput}). */
final class PhaseOutput {
    private PhaseOutput() {
    }

    static void result(PrintWriter out, PhaseResult r) {
        if (r.alreadyDone() != null) {
            out.println(r.alreadyDone() + ". Nothing to do: an earlier run finished this " + r.phase().label() + ".");
            return;
        }
        String took = Durations.approximate(Duration.ofMillis(r.millis()));
        String resumed = r.resumedAt() > 0 ? " (resumed after action " + r.resumedAt() + ")" : "";
        switch (r.phase()) {
            case START -> out.println("Started V" + r.version() + ": " + r.actions() + " actions in " + took + resumed
                    + ". The new version reads schema " + r.newSchema() + " (search_path = " + r.newSchema()
                    + "); the old version keeps reading " + r.oldSchema() + ". When every application runs the new"
                    + " version: underway complete" + ". To undo: underway rollback.");
            case COMPLETE -> out.println("Completed V" + r.version() + ": " + r.actions() + " actions in " + took
                    + resumed + ". The old shape is gone; applications read schema " + r.newSchema() + ".");
            default -> out.println("Rolled back V" + r.version() + ": " + r.actions() + " actions in " + took + resumed
                    + ". Schema " + r.newSchema() + " and everything start made are gone.");
        }
    }
}
