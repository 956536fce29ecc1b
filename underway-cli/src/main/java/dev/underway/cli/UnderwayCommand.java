package dev.underway.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

/** The root command; each subcommand is one class. */
@Command(name = "underway",
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
                CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:a migration, check or lint failed",
                "2:usage or configuration error (bad flags, unreachable database, malformed migration files)",
                "3:could not get a lock, or timed out waiting",
                "4:validation error (checksum, ordering, history mismatch)",
                "130:stopped by SIGINT (what ran on the server was cancelled; run the same command again)",
                "143:stopped by SIGTERM (the same)"
        })
public final class UnderwayCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** Not inherited: baseline has a --version of its own. */
    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true,
            description = "Print the version (and the commit it was built from) and exit.")
    boolean version;

    final Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    UnderwayCommand(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Gives every subcommand {@code -h}/{@code --help} (help on stdout, exit 0). Added here rather than inherited
     * from the root, because picocli's own help subcommand declares the same names.
     */
    static CommandLine withHelpOnEverySubcommand(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            withHelpOnEverySubcommand(sub);
        }
        return cli;
    }

    /** picocli hides its completion command; the README documents it, so help lists it too. */
    static CommandLine withCompletionListed(CommandLine cli) {
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cli;
    }

    /** Takes the options a command declares unused out of its model: its help lists only what it reads. */
    static CommandLine withoutUnusedOptions(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof DatabaseCommand command) {
                for (String name : command.unusedOptions()) {
                    sub.getCommandSpec().remove(sub.getCommandSpec().findOption(name));
                }
            }
        }
        return cli;
    }

    /** No subcommand: a usage error, so a script that forgot its command does not pass. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("underway: a command is missing.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return dev.underway.ErrorCode.USAGE.exitCode();
    }

    /** The project version and commit, written into underway-version.properties at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        static final String RESOURCE = "/underway-version.properties";

        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = UnderwayCommand.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {describe(p)};
        }

        /** A placeholder left as it was means the build had nothing to fill it with (no .git, no Maven filtering). */
        static String describe(Properties p) {
            String version = filled(p.getProperty("version"));
            String commit = filled(p.getProperty("commit"));
            return "underway " + (version == null ? "(unknown version)" : version) + " ("
                    + (commit == null ? "unknown commit" : "commit " + commit) + ")";
        }

        private static String filled(String value) {
            return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
        }
    }
}
