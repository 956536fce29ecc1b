package dev.underway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** The root command; each subcommand is one class. */
@Command(name = "underway",
        mixinStandardHelpOptions = true,
        versionProvider = UnderwayCommand.Version.class,
        description = "Zero-downtime schema and data changes for PostgreSQL and MySQL/MariaDB.",
        subcommands = {
                MigrateCommand.class,
                InfoCommand.class,
                ValidateCommand.class,
                BaselineCommand.class,
                RepairCommand.class,
                LintCommand.class,
                TraceCommand.class,
                BackfillCommand.class,
                StartCommand.class,
                CompleteCommand.class,
                RollbackCommand.class,
                StatusCommand.class,
                RehearseCommand.class,
                LoadCommand.class,
                CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:a migration, check or lint failed",
                "2:usage or configuration error (bad flags, malformed migration files)",
                "3:could not get a lock, or timed out waiting",
                "4:validation error (checksum, ordering, history mismatch)",
                "130:stopped by SIGINT (what ran on the server was cancelled; run the same command again)",
                "143:stopped by SIGTERM (the same)"
        })
public final class UnderwayCommand implements Runnable {
    final Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    UnderwayCommand(Path workDir) {
        this.workDir = workDir;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = UnderwayCommand.class.getPackage().getImplementationVersion();
            return new String[] {"underway " + (v == null ? "development build" : v)};
        }
    }
}
