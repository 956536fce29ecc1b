package dev.underway.cli;

import dev.underway.op.ExpandContract;
import dev.underway.op.PhasePlan;
import dev.underway.op.PhaseResult;
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
