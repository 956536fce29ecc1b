package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.expand.MigrationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "status", description = "The declarative migrations in flight: phase, progress, backfills, version"
        + " schemas.")
final class StatusCommand extends DatabaseCommand {
    @Option(names = "--format", description = "text or json. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    Format format;

    @Override
    int run(Underway underway) {
        List<MigrationStatus> all = underway.expandContract(null, null).status();
        if (format == Format.JSON) {
            out().println(Json.write(Json.object("in_flight", all.stream().map(StatusCommand::json).toList())));
            return 0;
        }
        if (all.isEmpty()) {
            out().println("No declarative migration is in flight.");
        }
        for (MigrationStatus s : all) {
            out().println("V" + s.version() + " (" + s.script() + "): " + phase(s) + "; tables " + String.join(", ",
                    s.tables()) + "; new version schema " + s.newSchema() + ", old version " + s.oldSchema()
                    + "; started " + s.startedOn());
            for (MigrationStatus.Backfill b : s.backfills()) {
                out().println("  backfill of " + b.table() + ": " + b.status() + ", " + b.rowsDone() + " of ~"
                        + b.estimatedRows() + " rows");
            }
            if (s.message() != null) {
                out().println("  stopped: " + s.message());
            }
        }
        return 0;
    }

    private static String phase(MigrationStatus s) {
        return switch (s.phase()) {
            case "started" -> "started (" + s.actionsDone() + " of " + s.actionsTotal() + " actions done), waiting for"
                    + " complete or rollback";
            default -> s.phase() + " in progress or interrupted, " + s.actionsDone() + " of " + s.actionsTotal()
                    + " actions done (run " + s.phase() + " again to finish)";
        };
    }

    private static Object json(MigrationStatus s) {
        return Json.object("version", s.version(), "script", s.script(), "phase", s.phase(),
                "actions_done", s.actionsDone(), "actions_total", s.actionsTotal(), "new_schema", s.newSchema(),
                "old_schema", s.oldSchema(), "tables", s.tables(),
                "backfills", s.backfills().stream().map(b -> Json.object("table", b.table(), "status", b.status(),
                        "rows_done", b.rowsDone(), "estimated_rows", b.estimatedRows())).toList(),
                "message", s.message(), "started_on", Json.str(s.startedOn()), "updated_on", Json.str(s.updatedOn()));
    }
}
