package dev.underway.cli;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.underway.Durations;
import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.exec.Database;
import dev.underway.load.LoadGenerator;
import dev.underway.load.LoadRecording;
import dev.underway.load.LoadSpec;
import dev.underway.report.LatencyStats;
import dev.underway.report.QueryKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Command(name = "load", description = "Run a simulated application against tables: clients doing point reads, inserts"
        + " and updates at a target rate, with latency per second, errors by SQLSTATE and the longest stall. Useful next"
        + " to a migration you run by hand.")
final class LoadCommand extends DatabaseCommand {
    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "A table to put load on (repeatable).")
    List<String> tables;

    @Mixin
    LoadOptions app;

    @Option(names = "--duration", defaultValue = "60s", description = "How long to run. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--format", defaultValue = "text", description = "text, or json (one object per second, then a"
            + " summary). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    Set<String> unusedOptions() {
        return Set.of("--dir", "--lock-wait", "--state-schema", "--state-table-prefix");
    }

    @Override
    int run(Underway underway) {
        Duration length = duration;
        if (length.isZero() || length.isNegative()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "--duration must be positive, got " + Durations.format(length));
        }
        Database db = Database.connect(underway.config().connection(), underway.config().schema());
        LoadSpec spec = new LoadSpec(underway.config().connection(), db.targetSchema(), tables, app.clients, app.rate,
                app.queryMix(), app.seed);
        err().println("Load: " + app.clients + " clients on " + String.join(", ", tables) + " in " + db.targetSchema() + " of "
                + db.dialect().describe() + " for " + Durations.format(length) + "."
);
        err().flush();
        LoadRecording r;
        try (LoadGenerator load = LoadGenerator.start(spec)) {
            long end = System.nanoTime() + length.toNanos();
            // SIGINT/SIGTERM end the load early; the summary covers what ran.
            for (int second = 1; System.nanoTime() < end && !Interruption.process().requested(); second++) {
                long next = Math.min(end, System.nanoTime() + 1_000_000_000L);
                sleepUntil(next);
                second(second, load.sinceLastCall());
            }
            r = load.stop();
        }
        summary(r);
        return 0;
    }

    private void second(int second, LatencyStats s) {
        if (format == Format.JSON) {
            out().println(Json.line(secondJson(second, s)));
        } else {
            out().printf(Locale.ROOT, "%4d s  %,7d queries  %4d errors  p50 %7.1f ms  p99 %7.1f ms  max %8.1f ms%n",
                    second, s.queries(), s.errors(), s.p50Ms(), s.p99Ms(), s.maxMs());
        }
        out().flush();
    }

    /** One line of {@code load --format json}: a second, or the summary at the end. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    sealed interface LoadLine {
        @JsonTypeName("second")
        record Second(int second, @JsonUnwrapped LatencyStats stats) implements LoadLine {
        }

        /** The whole run's latency inline, then errors by SQLSTATE, the longest stall, and each kind of query. */
        @JsonTypeName("summary")
        record Summary(long durationMs, @JsonUnwrapped LatencyStats overall,
                       Map<String, LatencyStats.ErrorCount> errorsBySqlState, long longestStallMs,
                       long longestStallAtMs, LatencyStats read, LatencyStats insert, LatencyStats update)
                implements LoadLine {
            static Summary of(LoadRecording r) {
                return new Summary(r.durationMillis(), r.overall(), r.overall().errorsByState(),
                        r.longestStall().durationMs(), r.longestStall().startMs(), r.of(QueryKind.READ),
                        r.of(QueryKind.INSERT), r.of(QueryKind.UPDATE));
            }
        }
    }

    static LoadLine secondJson(int second, LatencyStats s) {
        return new LoadLine.Second(second, s);
    }

    private void summary(LoadRecording r) {
        LatencyStats all = r.overall();
        if (format == Format.JSON) {
            out().println(Json.line(LoadLine.Summary.of(r)));
        } else {
            TextTable t = new TextTable("", "queries", "errors", "p50", "p99", "max");
            add(t, "all", all);
            for (QueryKind k : QueryKind.values()) {
                add(t, k.label(), r.of(k));
            }
            out().println();
            t.print(out());
            out().println("longest stall: " + r.longestStall().durationMs() + " ms"
                    + (r.longestStall().durationMs() == 0 ? "" : " at " + r.longestStall().startMs() + " ms"));
            all.errorsByState().forEach((state, n) -> out().println("errors " + state + ": " + n.count() + " ("
                    + n.message() + ")"));
        }
        out().flush();
    }

    private static void add(TextTable t, String label, LatencyStats s) {
        t.add(label, String.format(Locale.ROOT, "%,d", s.queries()), s.errors(), s.p50Ms() + " ms", s.p99Ms() + " ms",
                s.maxMs() + " ms");
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0 && !Interruption.process().requested()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
