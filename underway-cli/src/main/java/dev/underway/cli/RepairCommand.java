package dev.underway.cli;

import dev.underway.Underway;
import dev.underway.migration.RepairResult;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "repair", description = "Make the history agree with the directory: forget failed attempts, accept "
        + "the checksums of edited applied files, forget applied migrations whose files were deleted.")
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(Underway underway) {
        RepairResult r = underway.repair();
        if (r.changedNothing()) {
            out().println("Nothing to repair: the history agrees with the directory.");
            return 0;
        }
        print("Removed failed attempt (it runs again from its first statement)", r.removedFailed());
        print("Accepted the current checksum of", r.realigned());
        print("Removed the history row of missing", r.removedMissing());
        return 0;
    }

    private void print(String what, List<String> labels) {
        for (String label : labels) {
            out().println(what + ": " + label);
        }
    }
}
