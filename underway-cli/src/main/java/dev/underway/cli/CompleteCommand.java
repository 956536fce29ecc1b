package dev.underway.cli;

import dev.underway.Phases;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PhaseResult;
import picocli.CommandLine.Command;

@Command(name = "complete", description = "Complete a started declarative migration: validate its constraints, drop"
        + " the old shape and the old version schema.")
final class CompleteCommand extends PhaseCommand.OfInFlight {
    @Override
    PhasePlan plan(Phases ec) {
        return ec.planComplete(version);
    }

    @Override
    PhaseResult execute(Phases ec) {
        return ec.complete(version);
    }
}
