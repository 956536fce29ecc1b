package dev.underway.cli;

import dev.underway.migration.Action;
import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.MigratePlan;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PlanStep;
import dev.underway.migration.PlannedMigration;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one printer of plans (dry runs): migrate's, whose steps are SQL migrations and declarative phases, and a
 * single phase's (start, complete, rollback). Every statement prints the same way: where it is, the lock it takes
 * or its line, its timeouts, then the SQL the server receives.
 */
final class PlanOutput {
    private PlanOutput() {
    }

    static void migrate(PrintWriter out, MigratePlan plan) {
        out.println("-- Dry run on " + plan.database() + ", schema " + plan.targetSchema() + ": " + plan.migrationCount()
                + " pending migration(s). Nothing is applied.");
        for (PlanStep step : plan.steps()) {
            out.println();
            if (step instanceof PlannedMigration p) {
                sql(out, p);
            } else {
                phaseStep(out, (PhasePlan) step);
            }
        }
        plan.waiting().forEach(w -> {
            out.println();
            out.println("-- " + w + ".");
        });
    }

    private static void sql(PrintWriter out, PlannedMigration p) {
        PendingMigration m = p.pending();
        out.println("-- " + m.script().name().title() + " (" + m.script().script() + "), "
                + (p.mode() == ExecutionMode.TRANSACTIONAL ? "in one transaction with its history row"
                : "statement by statement, progress recorded after each")
                + (m.resumeAt() > 0 ? "; resumes at statement " + (m.resumeAt() + 1) : ""));
        for (ExecutableStatement s : p.toRun()) {
            statement(out, "line " + s.source().line(), s);
        }
    }

    /** A declarative migration's phase as a step of migrate's plan. */
    private static void phaseStep(PrintWriter out, PhasePlan p) {
        out.println("-- V" + p.version() + " " + p.phase() + " (" + p.script() + "), expand/contract"
                + (p.newSchema() == null ? "" : ": new version schema " + p.newSchema() + ", old version " + p.oldSchema()));
        p.notes().forEach(n -> out.println("-- Note: " + n + "."));
        actions(out, p);
    }

    /** A single phase's plan: start, complete or rollback {@code --dry-run}. */
    static void phase(PrintWriter out, PhasePlan p) {
        if (p.actions().isEmpty()) {
            // An earlier run finished the phase: the notes say which, and there is nothing to list.
            p.notes().forEach(n -> out.println("-- Dry run of " + p.phase() + ": " + n + ". Nothing is changed."));
            return;
        }
        out.println("-- Dry run of " + p.phase() + " V" + p.version() + " (" + p.script() + "): new version schema "
                + p.newSchema() + ", old version " + p.oldSchema() + ". Nothing is changed.");
        p.notes().forEach(n -> out.println("-- Note: " + n + "."));
        actions(out, p);
    }

    private static void actions(PrintWriter out, PhasePlan p) {
        if (p.resumeAt() > 0) {
            out.println("-- An earlier run did " + p.resumeAt() + " of " + p.actions().size() + " actions; a run resumes"
                    + " at action " + (p.resumeAt() + 1) + ".");
        }
        for (int i = 0; i < p.actions().size(); i++) {
            Action a = p.actions().get(i);
            out.println();
            out.println("-- " + (i + 1) + ". [" + a.stage().name().toLowerCase(Locale.ROOT) + "] "
                    + a.description() + (a.concurrent() ? " (outside a transaction)"
                    : a.sql().size() > 1 ? " (one transaction)" : ""));
            if (a.backfill() != null) {
                out.println("-- batches of UPDATE on " + a.backfill() + " in key order, each in its own transaction,"
                        + " resumable");
            }
            for (ExecutableStatement s : a.statements()) {
                statement(out, "lock: " + s.lock(), s);
            }
        }
    }

    /** One statement: {@code -- line 3, lock timeout 1s, statement timeout 1m}, then the SQL the server receives. */
    private static void statement(PrintWriter out, String where, ExecutableStatement s) {
        out.println("-- " + where + (s.guards().isEmpty() ? "" : ", " + s.guards()));
        out.println(s.sql() + ";");
    }
}
