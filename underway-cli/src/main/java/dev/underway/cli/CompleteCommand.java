package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.op.ExpandContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "complete", description = "Complete a started declarative migration: validate its constraints, drop"
        + " the old shape and the old version schema.")
final class CompleteCommand extends DatabaseCommand {
    @Parameters(paramLabel = "VERSION", arity = "0..1", description = "The migration's version; optional when only one"
            + " is in flight.")
    String version;

    @Option(names = "--dry-run", description = "Print the actions (SQL, lock, phase) and change nothing.")
    boolean dryRun;

    @Mixin
    OnlineOptions online;

    @Override
    Underway.Builder configure(Underway.Builder builder) {
        return online.apply(builder);
    }

    @Override
    int run(Underway underway) {
        ExpandContract ec = underway.expandContract(new PhaseConsole(err()), null);
        if (dryRun) {
            PhaseOutput.plan(out(), ec.planComplete(version));
        } else {
            PhaseOutput.result(out(), ec.complete(version));
        }
        return 0;
    }
}
