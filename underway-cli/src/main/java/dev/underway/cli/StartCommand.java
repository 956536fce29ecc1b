package dev.underway.cli;

import dev.underway.Phases;
import dev.underway.Underway;
import dev.underway.migration.PhaseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "start", description = "Start a declarative (YAML) migration: expand the schema next to the old"
        + " shape, keep both in sync, backfill, and create the new version schema (PostgreSQL).")
final class StartCommand extends PhaseCommand {
    @Parameters(paramLabel = "FILE", description = "The migration, V<version>__<description>.yaml in pgroll's format.")
    Path file;

    @Option(names = "--complete", description = "Complete right after start (for a version no running application"
            + " uses yet).")
    boolean complete;

    @Option(names = "--unsafe", description = "Run the migration's sql operations even when the linter finds errors"
            + " in them.")
    boolean unsafe;

    @Override
    Underway.Builder configure(Underway.Builder builder) {
        return super.configure(builder).unsafe(unsafe);
    }

    @Override
    int run(Underway underway) {
        Path m = parent.workDir.resolve(file);
        try (BackfillConsole console = new BackfillConsole(err(), System.console() != null)) {
            Phases ec = underway.expandContract(new PhaseConsole(err()), console);
            if (dryRun) {
                print(ec.planStart(m));
                return 0;
            }
            PhaseResult r = ec.start(m);
            print(r);
            if (complete) {
                print(ec.complete(r.version()));
            }
            return 0;
        }
    }
}
