package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.expand.PhaseResult;
import dev.underway.op.Action;
import dev.underway.op.PhasePlan;

import java.io.PrintWriter;
import java.time.Duration;

/** Prints a phase's plan (dry run) and its result. */
final class PhaseOutput {
    private PhaseOutput() {
    }

    static void plan(PrintWriter out, PhasePlan p) {
        if (p.actions().isEmpty()) {
            // An earlier run finished the phase: the notes say which, and there is nothing to list.
            p.notes().forEach(n -> out.println("-- Dry run of " + p.phase() + ": " + n + ". Nothing is changed."));
            return;
        }
        out.println("-- Dry run of " + p.phase() + " V" + p.version() + " (" + p.script() + "): new version schema "
                + p.newSchema() + ", old version " + p.oldSchema() + ". Nothing is changed.");
        p.notes().forEach(n -> out.println("-- Note: " + n + "."));
        if (p.resumeAt() > 0) {
            out.println("-- An earlier run did " + p.resumeAt() + " of " + p.actions().size() + " actions; a run resumes"
                    + " at action " + (p.resumeAt() + 1) + ".");
        }
        for (int i = 0; i < p.actions().size(); i++) {
            Action a = p.actions().get(i);
            out.println();
            out.println("-- " + (i + 1) + ". [" + a.stage().name().toLowerCase(java.util.Locale.ROOT) + "] "
                    + a.description() + (a.concurrent() ? " (outside a transaction)"
                    : a.sql().size() > 1 ? " (one transaction)" : ""));
            if (a.backfill() != null) {
                out.println("-- batches of UPDATE on " + a.backfill() + " in key order, each in its own transaction,"
                        + " resumable");
            }
            for (int s = 0; s < a.sql().size(); s++) {
                out.println("-- lock: " + a.locks().get(s));
                out.println(a.sql().get(s) + ";");
            }
        }
    }

    static void result(PrintWriter out, PhaseResult r) {
        if (r.alreadyDone() != null) {
            out.println(r.alreadyDone() + ". Nothing to do: an earlier run finished this " + r.phase() + ".");
            return;
        }
        String took = Durations.approximate(Duration.ofMillis(r.millis()));
        String resumed = r.resumedAt() > 0 ? " (resumed after action " + r.resumedAt() + ")" : "";
        switch (r.phase()) {
            case "start" -> out.println("Started V" + r.version() + ": " + r.actions() + " actions in " + took + resumed
                    + ". The new version reads schema " + r.newSchema() + " (search_path = " + r.newSchema()
                    + "); the old version keeps reading " + r.oldSchema() + ". When every application runs the new"
                    + " version: underway complete" + ". To undo: underway rollback.");
            case "complete" -> out.println("Completed V" + r.version() + ": " + r.actions() + " actions in " + took
                    + resumed + ". The old shape is gone; applications read schema " + r.newSchema() + ".");
            default -> out.println("Rolled back V" + r.version() + ": " + r.actions() + " actions in " + took + resumed
                    + ". Schema " + r.newSchema() + " and everything start made are gone.");
        }
    }
}
