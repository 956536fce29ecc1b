package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationVersion;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "baseline", description = "Adopt a database built without Underway: mark a version as already "
        + "applied, or import Flyway's history.")
final class BaselineCommand extends DatabaseCommand {

    static final class Source {
        @Option(names = "--version", description = "Migrations up to and including this version count as applied.")
        String version;

        @Option(names = "--from-flyway", description = "Import the successful rows of Flyway's history table.")
        boolean fromFlyway;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--description", description = "Description of the baseline row.")
    String description;

    @Option(names = "--flyway-table", description = "Flyway's history table in the target schema. Default: ${DEFAULT-VALUE}.",
            defaultValue = "flyway_schema_history")
    String flywayTable;

    @Override
    int run(Underway underway) {
        if (source.fromFlyway) {
            List<HistoryRow> rows = underway.baselineFromFlyway(flywayTable);
            out().println("Imported " + rows.size() + " row(s) from " + flywayTable + " into Underway's history of schema "
                    + underway.info().targetSchema() + ".");
            return 0;
        }
        HistoryRow row = underway.baseline(MigrationVersion.parse(source.version), description);
        out().println("Baselined at version " + row.version() + ": migrations up to it will not be applied.");
        return 0;
    }
}
