package dev.underway.cli;

import dev.underway.UnderwayException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Turns exceptions into one clear message on stderr and the documented exit code. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UnderwayException u) {
            err.println("error: " + u.getMessage());
            err.flush();
            return u.code().exitCode();
        }
        err.println("internal error (please report it): " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
