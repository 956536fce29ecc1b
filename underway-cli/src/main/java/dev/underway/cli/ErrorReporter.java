package dev.underway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underway.Audience;
import dev.underway.ErrorCode;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
        // Ours, or a driver's cut short by a signal or unable to connect: not a bug, and the message says what to do.
        UnderwayException u = Underway.explain(e).orElse(null);
        if (u != null) {
            // An interruption's message says itself what stopped and how to continue.
            err.println((u.code() == ErrorCode.INTERRUPTED ? "" : TerminalStyle.AUTO.error("error:") + " ")
                    + u.message(Audience.CLI));
            err.flush();
            return u.code().exitCode();
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
}
