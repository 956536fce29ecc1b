package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.exec.AppliedMigration;
import dev.underway.exec.ExecutableStatement;
import dev.underway.exec.MigratePlan;
import dev.underway.exec.MigrateResult;
import dev.underway.exec.MigrationExecutor;
import dev.underway.exec.PlannedMigration;
import dev.underway.observe.MigrationListener;
import dev.underway.plan.ExecutionMode;
import dev.underway.plan.MigrationVersion;
import dev.underway.plan.PendingMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "migrate", description = "Apply pending migrations, each exactly once, in version order.")
final class MigrateCommand extends DatabaseCommand {
    @Option(names = "--target", description = "Apply migrations up to and including this version.")
    String targetVersion;

    @Option(names = "--dry-run", description = "Print each pending migration's statements; apply nothing.")
    boolean dryRun;

    @Option(names = "--out-of-order", description = "Also apply pending migrations older than the latest applied one.")
    boolean outOfOrder;

    @Option(names = "--format", description = "text or json. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    Format format;

    @Option(names = "--unsafe", description = "Apply migrations even when lint finds errors in them (they are still "
            + "printed).")
    boolean unsafe;

    @Option(names = "--complete", description = "Also complete the declarative (YAML) migrations it starts.")
    boolean complete;

    @Mixin
    OnlineOptions online;

    @Option(names = "--no-online-clause", description = "MySQL/MariaDB: do not append ALGORITHM=INSTANT or"
            + " ALGORITHM=INPLACE, LOCK=NONE to operations the classifier knows can run online (by default they are"
            + " appended, so the server refuses rather than silently copying the table).")
    boolean noOnlineClause;

    @Override
    Underway.Builder configure(Underway.Builder builder) {
        return online.apply(builder.outOfOrder(outOfOrder).unsafe(unsafe)
                .target(targetVersion == null ? null : MigrationVersion.parse(targetVersion)))
                .appendOnlineClause(!noOnlineClause);
    }

    @Override
    MigrationListener listener() {
        return new ConsoleListener(err(), format == Format.JSON ? err() : out());
    }

    @Override
    int run(Underway underway) {
        if (dryRun) {
            printPlan(underway.plan());
            return 0;
        }
        MigrateResult r;
        try {
            r = underway.migrate(complete, new PhaseConsole(err()));
        } catch (UnderwayException e) {
            if (format == Format.JSON) {
                out().println(Json.write(Json.object("error", error(e))));
                out().flush();
            }
            throw e;
        }
        r.warnings().forEach(w -> err().println("warning: " + w));
        if (format == Format.JSON) {
            out().println(Json.write(Json.object(
                    "database", r.database(),
                    "schema", r.targetSchema(),
                    "current_version", Json.str(r.currentVersion()),
                    "applied", r.applied().stream().map(MigrateCommand::json).toList(),
                    "waiting", r.waiting(),
                    "warnings", r.warnings())));
        } else if (r.applied().isEmpty()) {
            if (r.warnings().isEmpty()) {
                out().println("Schema " + r.targetSchema() + " on " + r.database() + " is up to date"
                        + (r.currentVersion() == null ? "" : " at version " + r.currentVersion())
                        + "; nothing to apply.");
            }
        } else {
            // A declarative migration counts once, though its start and complete are listed apart.
            long migrations = r.applied().stream().map(AppliedMigration::script).distinct().count();
            out().println("Applied " + migrations + " migration(s) to schema " + r.targetSchema() + " on "
                    + r.database() + (r.currentVersion() == null ? "." : "; it is now at version " + r.currentVersion() + "."));
        }
        r.waiting().forEach(w -> err().println(w + "."));
        return 0;
    }

    /** The failure as migrate --format json prints it on stdout (stderr gets the message too). */
    private static Object error(UnderwayException e) {
        MigrationExecutor.StatementFailed at = null;
        for (Throwable t = e; t != null && at == null; t = t.getCause()) {
            at = t instanceof MigrationExecutor.StatementFailed f ? f : null;
        }
        return Json.object("code", StopSignals.exitCode(e.code().exitCode()),
                "reason", e.code().name().toLowerCase(java.util.Locale.ROOT), "message", e.getMessage(),
                "file", at == null ? null : at.script(), "line", at == null ? null : at.statement().line());
    }

    private static Object json(AppliedMigration a) {
        return Json.object("migration", a.label(), "description", a.description(), "script", a.script(),
                "mode", a.mode().name().toLowerCase(java.util.Locale.ROOT), "statements", a.statements(),
                "resumed_at", a.resumedAt(), "execution_ms", a.executionMs(), "retries", a.retries(),
                "lock_wait_ms", a.lockWaitMs());
    }

    private void printPlan(MigratePlan plan) {
        PrintWriter out = out();
        List<PlannedMigration> ms = plan.migrations();
        out.println("-- Dry run on " + plan.database() + ", schema " + plan.targetSchema() + ": " + ms.size()
                + " pending migration(s). Nothing is applied.");
        for (PlannedMigration p : ms) {
            PendingMigration m = p.pending();
            out.println();
            out.println("-- " + m.script().name().title() + " (" + m.script().script() + "), "
                    + (p.mode() == ExecutionMode.TRANSACTIONAL ? "in one transaction with its history row"
                    : "statement by statement, progress recorded after each")
                    + (m.resumeAt() > 0 ? "; resumes at statement " + (m.resumeAt() + 1) : ""));
            for (ExecutableStatement s : p.toRun()) {
                out.println("-- line " + s.source().line() + (s.guards().isEmpty() ? "" : ", " + s.guards()));
                out.println(s.sql() + ";");
            }
        }
    }
}
