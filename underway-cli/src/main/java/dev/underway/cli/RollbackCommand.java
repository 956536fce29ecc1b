package dev.underway.cli;

import dev.underway.Phases;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PhaseResult;
import picocli.CommandLine.Command;

@Command(name = "rollback", description = "Undo the start of a declarative migration (finished or interrupted); the"
        + " old version keeps working throughout.")
final class RollbackCommand extends PhaseCommand.OfInFlight {
    @Override
    PhasePlan plan(Phases ec) {
        return ec.planRollback(version);
    }

    @Override
    PhaseResult execute(Phases ec) {
        return ec.rollback(version);
    }
}
