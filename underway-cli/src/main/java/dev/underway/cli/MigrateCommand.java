package dev.underway.cli;

import dev.underway.MigrateOptions;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.AppliedMigration;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationVersion;
import dev.underway.observe.MigrationListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "migrate", description = "Apply pending migrations, each exactly once, in version order.")
final class MigrateCommand extends DatabaseCommand {
    @Option(names = "--target", description = "Apply migrations up to and including this version.")
    String targetVersion;

    @Option(names = "--dry-run", description = "Print what the run would do (each pending migration's statements,"
            + " the actions of the declarative phases it would run); apply nothing.")
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
            PlanOutput.migrate(out(), underway.plan(MigrateOptions.defaults().withComplete(complete)));
            return 0;
        }
        MigrateResult r;
        try {
            r = underway.migrate(MigrateOptions.defaults().withComplete(complete).withPhases(new PhaseConsole(err())));
        } catch (UnderwayException e) {
            if (format == Format.JSON) {
                out().println(ErrorReporter.json(e));
                out().flush();
            }
            throw e;
        }
        r.warnings().forEach(w -> err().println("warning: " + w));
        if (format == Format.JSON) {
            out().println(Json.write(MigrateJson.of(r)));
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
}
