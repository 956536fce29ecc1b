package dev.underway.cli;

import dev.underway.Audience;
import dev.underway.ErrorCode;
import dev.underway.Underway;
import dev.underway.migration.MigrationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", description = "Check that applied files are unchanged and present, and that no pending "
        + "migration is older than the latest applied one. Exit 4 when not.")
final class ValidateCommand extends DatabaseCommand {
    @Option(names = "--out-of-order", description = "Accept pending migrations older than the latest applied one.")
    boolean outOfOrder;

    @Option(names = "--format", description = "text or json. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    Format format;

    @Override
    Underway.Builder configure(Underway.Builder builder) {
        return builder.outOfOrder(outOfOrder);
    }

    /**
     * Without a directory, as Flyway does with a location that does not resolve: no file can be compared, so every
     * applied migration counts as missing (exit 4), and an empty history validates.
     */
    @Override
    int run(Underway underway) {
        boolean files = !withoutDirectory();
        Underway.Info info = files ? underway.info() : underway.infoWithoutFiles();
        int code = info.errors().isEmpty() ? 0 : ErrorCode.VALIDATION.exitCode();
        if (!files) {
            err().println(noDirectoryNote() + (code == 0 ? "" : " Every applied migration counts as missing."));
        }
        if (format == Format.JSON) {
            out().println(Json.write(InfoCommand.json(info, files)));
            return code;
        }
        if (code != 0) {
            err().println(TerminalStyle.AUTO.error("error:") + " validation failed:\n  " + String.join("\n  ", info.errors(Audience.CLI)));
            return code;
        }
        long pending = info.migrations().stream().filter(m -> m.state() == MigrationState.PENDING).count();
        out().println("Validated " + info.migrations().size() + " migration(s) against schema " + info.targetSchema()
                + ": no problems" + (pending == 0 ? "." : "; " + pending + " pending."));
        return 0;
    }
}
