package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.ErrorCode;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.MigrationVersion;
import dev.underway.report.RehearsalFailed;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rehearse", description = "Rehearse migrations under a simulated application load on a scratch database:"
        + " build the schema of the migrations before them, fill the tables they touch with synthetic rows, start the"
        + " load, apply them through the normal executor, and report per statement its duration, locks, lock waits and"
        + " rewrites, and what the application saw before, during and after it.")
final class RehearseCommand implements Callable<Integer> {
    enum ReportFormat { TEXT, JSON, HTML }

    @Option(names = "--dir", description = "Migration directory. Default: ${DEFAULT-VALUE}.", defaultValue = "db/migration")
    Path dir;

    @Mixin
    ServerOptions.Scratch server;

    @Option(names = "--in-place", description = "Rehearse in the database of --url itself (a restored copy of"
            + " production): its pending migrations are rehearsed on its data. Without it, a scratch database is"
            + " created next to it (or on the embedded PostgreSQL) and dropped afterwards.")
    boolean inPlace;

    @Option(names = "--schema", description = "With --in-place: the schema (PostgreSQL) or database (MySQL) to rehearse in.")
    String schema;

    /** With --in-place, the database's own history decides what is pending: it must be read where migrate keeps it. */
    @Mixin
    StateOptions state;

    @Option(names = "--keep", description = "Keep the scratch database afterwards and print its name.")
    boolean keep;

    @Option(names = "--from", paramLabel = "VERSION", description = "The first version to rehearse; the migrations"
            + " below it only build the schema. Default: the newest migration.")
    String from;

    @Option(names = "--rows", paramLabel = "N|TABLE=N", description = "Synthetic rows: N for every touched table"
            + " (default 100000), TABLE=N for one table (repeatable).")
    List<String> rows = new ArrayList<>();

    @Option(names = "--load-table", paramLabel = "TABLE", description = "Put the load on this table (repeatable)."
            + " Default: the tables the rehearsed migrations touch.")
    List<String> loadTables = new ArrayList<>();

    @Mixin
    LoadOptions app;

    @Option(names = "--warmup", description = "Load before the first statement. Default: ${DEFAULT-VALUE}.", defaultValue = "2s")
    Duration warmup;

    @Option(names = "--cooldown", description = "Load after the last statement. Default: ${DEFAULT-VALUE}.",
            defaultValue = "2s")
    Duration cooldown;

    @Option(names = "--window", description = "How long before and after each statement the load is summarised."
            + " Default: ${DEFAULT-VALUE}.", defaultValue = "1s")
    Duration window;

    @Option(names = "--no-complete", description = "Only start declarative (YAML) migrations; by default they are"
            + " started, the load moves to the new version schema, and they are completed.")
    boolean noComplete;

    @Option(names = "--max-stall", paramLabel = "DURATION", description = "Exit 1 when the application stalled longer"
            + " than this (e.g. 2100ms), for CI.")
    Duration maxStall;

    @Option(names = "--max-errors", paramLabel = "N", description = "Exit 1 when the application saw more errors, for CI.")
    Long maxErrors;

    @Option(names = "--format", description = "text, json or html. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Mixin
    OnlineOptions online;

    @ParentCommand
    UnderwayCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RehearsalRequest request = request();
        try (EmbeddedSession embedded = new EmbeddedSession(parent.workDir)) {
            Underway.Builder builder = server.builderOrEmbedded(embedded, err());
            if (inPlace) {
                if (!server.given()) {
                    throw UnderwayException.of(Reason.BAD_OPTION, "--in-place needs --url (or UNDERWAY_URL): the embedded database"
                            + " holds no copy of production");
                }
                try (Underway target = state.applyTo(builder.schema(schema)).build()) {
                    return report(run(target, request, "in " + target.redactedUrl()));
                }
            }
            if (schema != null) {
                throw UnderwayException.of(Reason.BAD_OPTION, "--schema is for --in-place; a scratch database is rehearsed in its default"
                        + " schema");
            }
            if (matched("--state-schema") || matched("--state-table-prefix")) {
                throw UnderwayException.of(Reason.BAD_OPTION, "--state-schema and --state-table-prefix are for --in-place; a scratch"
                        + " database keeps its state where dropping it removes it");
            }
            try (Underway admin = builder.build(); Underway.Scratch scratch = admin.scratch("underway_rehearse_")) {
                if (keep) {
                    scratch.keep();
                }
                String where = "on the scratch database " + scratch.name() + (keep ? " (kept)" : " (dropped afterwards)");
                return report(run(scratch.underway(), request, where));
            }
        }
    }

    private RehearsalReport run(Underway underway, RehearsalRequest request, String where) {
        err().println("Rehearsing " + dir + " " + where + ".");
        err().flush();
        try {
            return underway.rehearse(request, line -> {
                err().println(line);
                err().flush();
            });
        } catch (RehearsalFailed e) {
            print(e.report());
            throw e;
        }
    }

    private int report(RehearsalReport report) {
        print(report);
        List<String> over = new ArrayList<>();
        if (report.load() != null && maxStall != null
                && report.load().longestStall().durationMs() > maxStall.toMillis()) {
            over.add("the application stalled for " + report.load().longestStall().durationMs() + " ms (--max-stall "
                    + Durations.format(maxStall) + ")");
        }
        if (report.load() != null && maxErrors != null && report.load().overall().errors() > maxErrors) {
            over.add("the application saw " + report.load().overall().errors() + " errors (--max-errors " + maxErrors + ")");
        }
        if (!over.isEmpty()) {
            err().println("Rehearsal over its limits: " + String.join("; ", over) + ".");
            err().flush();
            return ErrorCode.FAILED.exitCode();
        }
        return 0;
    }

    private void print(RehearsalReport report) {
        String text = switch (format) {
            case TEXT -> RehearsalText.render(report);
            case JSON -> Json.write(RehearsalJson.of(report)) + "\n";
            case HTML -> RehearsalHtml.render(report);
        };
        if (output == null) {
            out().print(text);
            out().flush();
            return;
        }
        try {
            Files.writeString(parent.workDir.resolve(output), text, StandardCharsets.UTF_8);
            err().println("Report written to " + output + ".");
            err().flush();
        } catch (IOException e) {
            throw UnderwayException.of(Reason.FILE_ACCESS, "cannot write the report to " + output + ": " + e.getMessage());
        }
    }

    private RehearsalRequest request() {
        RehearsalRequest.Builder b = RehearsalRequest.builder(parent.workDir.resolve(dir))
                .from(from == null ? null : MigrationVersion.parse(from))
                .loadTables(loadTables).clients(app.clients).ratePerSecond(app.rate).mix(app.queryMix()).seed(app.seed)
                .warmup(warmup).cooldown(cooldown).window(window)
                .complete(!noComplete).online(online.execution());
        for (String r : rows) {
            int eq = r.lastIndexOf('=');
            if (eq < 0) {
                b.defaultRows(count(r, r));
            } else {
                b.rows(r.substring(0, eq).strip(), count(r.substring(eq + 1), r));
            }
        }
        return b.build();
    }

    private static long count(String n, String option) {
        try {
            return Long.parseLong(n.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw UnderwayException.of(Reason.BAD_OPTION, "bad --rows " + option + ": expected N or TABLE=N");
        }
    }

    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
