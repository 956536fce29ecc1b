package dev.underway.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.underway.Underway;
import dev.underway.migration.MigrationStatus;
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
            out().println(Json.write(json(all)));
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
            case STARTED -> "started (" + s.actionsDone() + " of " + s.actionsTotal() + " actions done), waiting for"
                    + " complete or rollback";
            default -> s.phase() + " in progress or interrupted, " + s.actionsDone() + " of " + s.actionsTotal()
                    + " actions done (run " + s.phase() + " again to finish)";
        };
    }

    /** {@code {"in_flight": [...]}}: each {@link MigrationStatus} as it is, its keys in snake case. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InFlight(List<MigrationStatus> inFlight) {
    }

    static InFlight json(List<MigrationStatus> all) {
        return new InFlight(all);
    }
}
