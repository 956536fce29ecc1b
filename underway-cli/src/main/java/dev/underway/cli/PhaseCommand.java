package dev.underway.cli;

import dev.underway.Phases;
import dev.underway.Underway;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PhaseResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A phase of a declarative migration: the online options, {@code --dry-run}, and how plans and results print. */
abstract class PhaseCommand extends DatabaseCommand {
    @Option(names = "--dry-run", description = "Print the actions (SQL, lock, phase) and change nothing.")
    boolean dryRun;

    @Mixin
    OnlineOptions online;

    @Override
    Underway.Builder configure(Underway.Builder builder) {
        return online.apply(builder);
    }

    void print(PhasePlan plan) {
        PlanOutput.phase(out(), plan);
    }

    void print(PhaseResult result) {
        PhaseOutput.result(out(), result);
    }

    /** complete and rollback: an in-flight migration, named by its version or the only one. */
    abstract static class OfInFlight extends PhaseCommand {
        @picocli.CommandLine.Parameters(paramLabel = "VERSION", arity = "0..1", description = "The migration's version;"
                + " optional when only one is in flight.")
        String version;

        abstract PhasePlan plan(Phases ec);

        abstract PhaseResult execute(Phases ec);

        @Override
        final int run(Underway underway) {
            Phases ec = underway.expandContract(new PhaseConsole(err()), null);
            if (dryRun) {
                print(plan(ec));
            } else {
                print(execute(ec));
            }
            return 0;
        }
    }
}
