package dev.underway.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The {@code underway} executable. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        StopSignals.install(Thread.currentThread(), err);
        // Stopped on request, even when the command had just finished: the exit code says a signal came.
        int code = StopSignals.exitCode(run(args, Path.of("").toAbsolutePath(), out, err));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code (see README, "Exit codes"). */
    public static int run(String[] args, Path workDir, PrintWriter out, PrintWriter err) {
        return run(args, workDir, out, err, System.getenv());
    }

    /** As {@link #run(String[], Path, PrintWriter, PrintWriter)}, reading UNDERWAY_* from {@code environment}. */
    static int run(String[] args, Path workDir, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        UnderwayCommand root = new UnderwayCommand(workDir);
        CommandLine cli = UnderwayCommand.withHelpOnEverySubcommand(UnderwayCommand.withCompletionListed(
                UnderwayCommand.withoutUnusedOptions(new CommandLine(root))))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Duration.class, new DurationConverter())
                .setDefaultValueProvider(new EnvironmentDefaults(environment))
                .setExecutionExceptionHandler(new ErrorReporter());
        return cli.execute(args);
    }
}
