package dev.underway.cli;

import dev.underway.ErrorCode;
import dev.underway.Interruption;
import dev.underway.UnderwayException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Turns exceptions into one clear message on stderr and the documented exit code. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UnderwayException u) {
            // An interruption's message says itself what stopped and how to continue.
            err.println((u.code() == ErrorCode.INTERRUPTED ? "" : "error: ") + u.getMessage());
            err.flush();
            return u.code().exitCode();
        }
        if (Interruption.process().requested()) {
            // A signal cut short something outside Underway's own steps (a driver, the embedded server): not a bug.
            err.println("interrupted (" + Interruption.process().reason() + "): " + e.getMessage());
            err.flush();
            return ErrorCode.INTERRUPTED.exitCode();
        }
        err.println("internal error (please report it): " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
