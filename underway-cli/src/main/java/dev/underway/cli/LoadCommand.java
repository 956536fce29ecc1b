package dev.underway.cli;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.underway.Durations;
import dev.underway.Underway;
import dev.underway.observe.LoadListener;
import dev.underway.report.LatencyStats;
import dev.underway.report.LoadRequest;
import dev.underway.report.LoadSummary;
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
        LoadRequest request = app.request(tables, duration);
        LoadSummary summary = underway.load(request, new LoadListener() {
            @Override
            public void started(String database, String schema) {
                err().println("Load: " + request.clients() + " clients on " + String.join(", ", tables) + " in "
                        + schema + " of " + database + " for " + Durations.format(request.duration()) + ".");
                err().flush();
            }

            @Override
            public void second(int second, LatencyStats stats) {
                LoadCommand.this.second(second, stats);
            }
        });
        summary(summary);
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
            static Summary of(LoadSummary r) {
                return new Summary(r.durationMs(), r.overall(), r.overall().errorsByState(),
                        r.longestStall().durationMs(), r.longestStall().startMs(), r.of(QueryKind.READ),
                        r.of(QueryKind.INSERT), r.of(QueryKind.UPDATE));
            }
        }
    }

    static LoadLine secondJson(int second, LatencyStats s) {
        return new LoadLine.Second(second, s);
    }

    private void summary(LoadSummary r) {
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
}
