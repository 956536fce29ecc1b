package dev.underway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underway.Audience;
import dev.underway.ErrorCode;
import dev.underway.Interruption;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionFailure;
import dev.underway.dialect.Redaction;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Turns exceptions into one clear message on stderr and the documented exit code, and into the
 * {@code --format json} error object. Messages are rendered for the CLI: remedies name flags
 * ({@code --lock-wait}), not the builder methods a library caller sees.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UnderwayException u) {
            // An interruption's message says itself what stopped and how to continue.
            err.println((u.code() == ErrorCode.INTERRUPTED ? "" : TerminalStyle.AUTO.error("error:") + " ")
                    + u.message(Audience.CLI));
            err.flush();
            return u.code().exitCode();
        }
        if (Interruption.process().requested()) {
            // A signal cut short something outside Underway's own steps (a driver, the embedded server): not a bug.
            err.println("interrupted (" + Interruption.process().reason() + "): " + Redaction.message(e));
            err.flush();
            return ErrorCode.INTERRUPTED.exitCode();
        }
        SQLException connecting = connecting(e);
        if (connecting != null) {
            // Not a bug in Underway: the database could not be reached. Its message already says where and what to do.
            err.println(TerminalStyle.AUTO.error("error:") + " " + (connecting instanceof ConnectionFailure f ? f.message(Audience.CLI)
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
     * The failure as {@code --format json} prints it on stdout (stderr gets the message too):
     * {@code {"error":{"code","category","reason","message","file","line","table","blockers"}}}. {@code code} is
     * the exit code, {@code category} the {@link ErrorCode}'s name, {@code reason} the {@link dev.underway.Reason}'s
     * (both lower case); {@code file}, {@code line} and {@code table} are null when unknown.
     */
    static String json(UnderwayException e) {
        UnderwayException.Details d = e.details();
        ObjectNode error = JSON.createObjectNode();
        error.put("code", StopSignals.exitCode(e.code().exitCode()));
        error.put("category", e.code().name().toLowerCase(Locale.ROOT));
        error.put("reason", e.reason().name().toLowerCase(Locale.ROOT));
        error.put("message", e.message(Audience.CLI));
        error.put("file", d.file());
        error.put("line", d.line());
        error.put("table", d.table());
        d.blockers().forEach(error.putArray("blockers")::add);
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().set("error", error));
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
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
