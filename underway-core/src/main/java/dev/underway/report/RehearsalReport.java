package dev.underway.report;


import java.util.List;

/**
 * What a rehearsal did and measured.
 *
 * @param database  the engine and version rehearsed on
 * @param setup     migrations applied before the load started, to build the schema the rehearsed ones expect
 * @param rehearsed the migrations applied under load, in order
 * @param filled    synthetic rows added per table
 * @param statements every statement (and backfill action) of the rehearsed migrations
 * @param load      what the application saw over the whole run; null when there was no load
 * @param timeline  the load per second
 * @param detail    the load in finer intervals (100 ms, or longer for long runs: at most about 600 of them), for charts
 * @param events    what happened to the application on the way (moving to a new version schema)
 * @param lintRules what each lint code on the statements means, by code
 * @param error     why the rehearsal stopped early (a migration failed), or null
 */
public record RehearsalReport(String database, List<String> setup, List<String> rehearsed,
                              List<FilledTable> filled, LoadSummary load, List<StepReport> statements,
                              List<TimelineInterval> timeline, List<TimelineInterval> detail, List<Event> events,
                              List<LintRule> lintRules, String error) {

    public RehearsalReport {
        setup = List.copyOf(setup);
        rehearsed = List.copyOf(rehearsed);
        filled = List.copyOf(filled);
        statements = List.copyOf(statements);
        timeline = List.copyOf(timeline);
        detail = List.copyOf(detail);
        events = List.copyOf(events);
        lintRules = List.copyOf(lintRules);
    }

    /**
     * The load as a whole.
     *
     * @param baseline the load before the first rehearsed statement (warm-up), to compare with
     */
    public record LoadSummary(List<String> tables, int clients, double ratePerSecond, String mix, long durationMs,
                              LatencyStats overall, LatencyStats baseline, Stall longestStall) {
        public LoadSummary {
            tables = List.copyOf(tables);
        }
    }

    /** Something that happened to the application during the rehearsal, at {@code atMs} since the load began. */
    public record Event(long atMs, String what) {
    }
}
