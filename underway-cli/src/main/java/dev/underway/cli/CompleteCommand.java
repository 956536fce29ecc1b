package dev.underway.cli;

import dev.underway.expand.ExpandContract;
import dev.underway.expand.PhaseResult;
import dev.underway.op.PhasePlan;
import picocli.CommandLine.Command;

@Command(name = "complete", description = "Complete a started declarative migration: validate its constraints, drop"
        + " the old shape and the old version schema.")
final class CompleteCommand extends PhaseCommand.OfInFlight {
    @Override
    PhasePlan plan(ExpandContract ec) {
        return ec.planComplete(version);
    }

    @Override
    PhaseResult execute(ExpandContract ec) {
        return ec.complete(version);
    }
}
