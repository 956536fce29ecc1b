package dev.underway.cli;

import dev.underway.load.LatencyStats;
import dev.underway.load.TimelineInterval;
import dev.underway.rehearse.RehearsalReport;
import dev.underway.rehearse.StepReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rehearsal report as JSON: {@code {"statements":[...],"load":{...},"timeline":[...]}} plus what the
 * rehearsal set up and what happened on the way.
 */
final class RehearsalJson {
    private RehearsalJson() {
    }

    static Map<String, Object> of(RehearsalReport r) {
        return Json.object(
                "database", r.database(),
                "setup", r.setup(),
                "rehearsed", r.rehearsed(),
                "filled", r.filled().stream().map(f -> Json.object("table", f.table().name(), "rows", f.rows(),
                        "ms", f.millis(), "addedAsParent", f.addedAsParent())).toList(),
                "statements", r.statements().stream().map(RehearsalJson::statement).toList(),
                "load", r.load() == null ? null : load(r.load()),
                "timeline", r.timeline().stream().map(RehearsalJson::interval).toList(),
                "detail", r.detail().stream().map(RehearsalJson::interval).toList(),
                "events", r.events().stream().map(e -> Json.object("atMs", e.atMs(), "what", e.what())).toList(),
                "lintCodes", r.lintRules().stream().map(rule -> Json.object("code", rule.code(), "name", rule.name(),
                        "severity", rule.severity().label(), "summary", rule.summary())).toList(),
                "error", r.error());
    }

    private static Map<String, Object> statement(StepReport s) {
        return Json.object(
                "migration", s.migration(),
                "file", s.file(),
                "line", s.line(),
                "phase", s.phase(),
                "sql", s.sql(),
                "startMs", s.startMs(),
                "durationMs", s.durationMs(),
                "lockMode", s.lockMode(),
                "lockSource", s.lockSource(),
                "locks", s.locks(),
                "lockWaitMs", s.lockWaitMs(),
                "waitedFor", s.waitedFor(),
                "retries", s.retries(),
                "rewrite", s.rewrite(),
                "rewritten", s.rewritten(),
                "rebuiltIndexes", s.rebuiltIndexes(),
                "lint", s.lint(),
                "error", s.error(),
                "load", Json.object("before", stats(s.before()), "during", stats(s.during()), "after", stats(s.after()),
                        "longestStallMs", s.stall().durationMs(), "stallAtMs", s.stallScope() == null ? null
                                : s.stall().startMs(), "stallScope", s.stallScope()));
    }

    private static Map<String, Object> load(RehearsalReport.LoadSummary l) {
        Map<String, Object> m = Json.object("tables", l.tables(), "clients", l.clients(), "ratePerSecond",
                l.ratePerSecond(), "mix", l.mix(), "durationMs", l.durationMs());
        m.putAll(stats(l.overall()));
        m.put("errorsBySqlState", errors(l.overall()));
        m.put("longestStallMs", l.longestStall().durationMs());
        m.put("longestStallAtMs", l.longestStall().startMs());
        m.put("baseline", stats(l.baseline()));
        return m;
    }

    static Map<String, Object> stats(LatencyStats s) {
        return Json.object("queries", s.queries(), "errors", s.errors(), "p50Ms", s.p50Ms(), "p99Ms", s.p99Ms(),
                "maxMs", s.maxMs());
    }

    static Map<String, Object> errors(LatencyStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        s.errorsByState().forEach((state, n) -> m.put(state, Json.object("count", n.count(), "message", n.message())));
        return m;
    }

    private static Map<String, Object> interval(TimelineInterval t) {
        return Json.object("startMs", t.startMs(), "queries", t.queries(), "errors", t.errors(), "p50Ms", t.p50Ms(),
                "p99Ms", t.p99Ms(), "maxMs", t.maxMs());
    }
}
