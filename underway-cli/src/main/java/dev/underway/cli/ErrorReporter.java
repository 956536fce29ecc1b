package dev.underway.cli;

import dev.underway.ErrorCode;
import dev.underway.Interruption;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionFailure;
import dev.underway.dialect.Redaction;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/** Turns exceptions into one clear message on stderr and the documented exit code. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UnderwayException u) {
            // An interruption's message says itself what stopped and how to continue.
            err.println((u.code() == ErrorCode.INTERRUPTED ? "" : TerminalStyle.AUTO.error("error:") + " ") + u.getMessage());
            err.flush();
            return u.code().exitCode();
        }
        if (Interruption.process().requested()) {
            // A signal cut short something outside Underway's own steps (a driver, the embedded server): not a bug.
            err.println("interrupted (" + Interruption.process().reason() + "): " + e.getMessage());
            err.flush();
            return ErrorCode.INTERRUPTED.exitCode();
        }
        SQLException connecting = connecting(e);
        if (connecting != null) {
            // Not a bug in Underway: the database could not be reached. Its message already says where and what to do.
            err.println(TerminalStyle.AUTO.error("error:") + " " + (connecting instanceof ConnectionFailure ? connecting.getMessage()
                    : "cannot connect: " + Redaction.describe(connecting, List.of())));
            err.flush();
            return ErrorCode.USAGE.exitCode();
        }
        err.println(TerminalStyle.AUTO.error("internal error (please report it):") + " " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /**
     * A failure to open a connection anywhere in the causes: ours, or a driver's (SQLSTATE 08001 cannot establish,
     * 08004 rejected, class 28 authorization). A connection lost later is not a configuration error.
     */
    private static SQLException connecting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionFailure || t instanceof SQLException s && isConnectState(s.getSQLState())) {
                return (SQLException) t;
            }
        }
        return null;
    }

    private static boolean isConnectState(String state) {
        return state != null && (state.equals("08001") || state.equals("08004") || state.startsWith("28"));
    }
}
