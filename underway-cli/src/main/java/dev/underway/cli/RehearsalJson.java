package dev.underway.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.underway.report.FilledTable;
import dev.underway.report.LatencyStats;
import dev.underway.report.LintRule;
import dev.underway.report.RehearsalReport;
import dev.underway.report.StepReport;
import dev.underway.report.TimelineInterval;
import dev.underway.synthetic.SyntheticData;

import java.util.List;
import java.util.Map;

/**
 * The rehearsal report as JSON: {@code {"statements":[...],"load":{...},"timeline":[...]}} plus what the
 * rehearsal set up and what happened on the way. Intervals, events and latency are the report's own records.
 */
record RehearsalJson(String database, List<String> setup, List<String> rehearsed, List<Filled> filled,
                     List<Statement> statements, Load load, List<TimelineInterval> timeline,
                     List<TimelineInterval> detail, List<RehearsalReport.Event> events, List<LintCode> lintCodes,
                     String error) {
    static RehearsalJson of(RehearsalReport r) {
        return new RehearsalJson(r.database(), r.setup(), r.rehearsed(), r.filled().stream().map(Filled::of).toList(),
                r.statements().stream().map(Statement::of).toList(), r.load() == null ? null : Load.of(r.load()),
                r.timeline(), r.detail(), r.events(), r.lintRules().stream().map(LintCode::of).toList(), r.error());
    }

    /** @param table the table's name, without its schema */
    record Filled(String table, long rows, long ms, boolean addedAsParent) {
        static Filled of(FilledTable f) {
            return new Filled(f.table().name(), f.rows(), f.millis(), f.addedAsParent());
        }
    }

    record Statement(String migration, String file, int line, String phase, String sql, long startMs, long durationMs,
                     String lockMode, String lockSource, List<String> locks, long lockWaitMs, List<String> waitedFor,
                     int retries, boolean rewrite, List<String> rewritten, List<String> rebuiltIndexes,
                     List<String> lint, String error, StatementLoad load) {
        static Statement of(StepReport s) {
            return new Statement(s.migration(), s.file(), s.line(), s.phase(), s.sql(), s.startMs(), s.durationMs(),
                    s.lockMode(), s.lockSource(), s.locks(), s.lockWaitMs(), s.waitedFor(), s.retries(), s.rewrite(),
                    s.rewritten(), s.rebuiltIndexes(), s.lint(), s.error(), new StatementLoad(s.before(), s.during(),
                    s.after(), s.stall().durationMs(), s.stallScope() == null ? null : s.stall().startMs(),
                    s.stallScope()));
        }
    }

    /** @param stallAtMs null when no stall belongs to the statement ({@code stallScope} null) */
    record StatementLoad(LatencyStats before, LatencyStats during, LatencyStats after, long longestStallMs,
                         Long stallAtMs, String stallScope) {
    }

    /** The load as a whole: its latency keys inline, then errors by SQLSTATE, the longest stall and the baseline. */
    record Load(List<String> tables, int clients, double ratePerSecond, String mix, long durationMs,
                @JsonUnwrapped LatencyStats overall, Map<String, LatencyStats.ErrorCount> errorsBySqlState,
                long longestStallMs, long longestStallAtMs, LatencyStats baseline) {
        static Load of(RehearsalReport.LoadSummary l) {
            return new Load(l.tables(), l.clients(), l.ratePerSecond(), l.mix(), l.durationMs(), l.overall(),
                    l.overall().errorsByState(), l.longestStall().durationMs(), l.longestStall().startMs(),
                    l.baseline());
        }
    }

    /** What a lint code on a statement means. */
    record LintCode(String code, String name, String severity, String summary) {
        static LintCode of(LintRule rule) {
            return new LintCode(rule.code(), rule.name(), rule.severity().label(), rule.summary());
        }
    }
}
