package dev.underway.rehearse;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.SessionProbe;
import dev.underway.lint.Rule;
import dev.underway.lint.Rules;
import dev.underway.load.LoadRecording;
import dev.underway.report.FilledTable;
import dev.underway.report.Finding;
import dev.underway.report.LatencyStats;
import dev.underway.report.LintRule;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import dev.underway.report.Stall;
import dev.underway.report.StepReport;
import dev.underway.synthetic.SyntheticData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns what the recorder saw and the load's recording into the report. */
final class ReportBuilder {
    private final SessionProbe probe;
    private final long windowNanos;

    ReportBuilder(Dialect dialect, Duration window) {
        this.probe = dialect.sessionProbe();
        this.windowNanos = window.toNanos();
    }

    RehearsalReport build(String database, RehearsalPlan plan, List<FilledTable> filled,
                          List<StepRecorder.Step> steps, LoadRecording recording, RehearsalRequest request,
                          long firstStartNanos, List<RehearsalReport.Event> events, String error) {
        List<StepReport> out = new ArrayList<>();
        for (StepRecorder.Step s : steps) {
            out.add(step(s, recording));
        }
        if (recording != null) {
            out = withStalls(out, steps, recording);
        }
        RehearsalReport.LoadSummary load = recording == null ? null : new RehearsalReport.LoadSummary(recording.tables(),
                request.clients(), request.ratePerSecond(), request.mix().toString(), recording.durationMillis(),
                recording.overall(), recording.within(0, firstStartNanos), recording.longestStall());
        return new RehearsalReport(database, plan.setup(), plan.rehearsed().stream().map(RehearsalPlan.Item::label).toList(),
                filled, load, out, recording == null ? List.of() : recording.timeline(Duration.ofSeconds(1)),
                recording == null ? List.of() : recording.timeline(detailInterval(recording.durationMillis())), events,
                lintRules(out), error);
    }

    /** The lint rules whose codes appear on the statements, by code: what each code in the report means. */
    private static List<LintRule> lintRules(List<StepReport> steps) {
        return steps.stream().flatMap(s -> s.lint().stream()).distinct().sorted().map(Rules::byCode)
                .flatMap(Optional::stream).map(Rule::describe).toList();
    }

    /** Each stall is shown once: on the step (or the transaction) it belongs to, not on every step it overlaps. */
    private List<StepReport> withStalls(List<StepReport> reports, List<StepRecorder.Step> steps, LoadRecording r) {
        List<StallAttribution.Span> spans = new ArrayList<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (int i = 0; i < reports.size(); i++) {
            StepReport s = reports.get(i);
            spans.add(new StallAttribution.Span(s.startMs(), s.endMs(), steps.get(i).transaction,
                    "none".equals(s.lockMode()) ? -1 : probe.strength(s.lockMode())));
            from = Math.min(from, steps.get(i).startNanos);
            to = Math.max(to, steps.get(i).endNanos);
        }
        StallAttribution attribution = new StallAttribution(spans);
        List<StepReport> out = new ArrayList<>(reports);
        boolean[] done = new boolean[reports.size()];
        // Longest first, so each step keeps the longest stall that belongs to it.
        for (Stall stall : from > to ? List.<Stall>of() : r.stallsOverlapping(from, to)) {
            attribution.owner(stall).filter(o -> !done[o.step()]).ifPresent(o -> {
                done[o.step()] = true;
                out.set(o.step(), out.get(o.step()).withStall(stall, o.scope()));
            });
        }
        return out;
    }

    /** 100 ms, or a multiple of it that keeps a long run to about 600 intervals. */
    static Duration detailInterval(long durationMs) {
        return Duration.ofMillis(Math.max(1, (durationMs + 59_999) / 60_000) * 100);
    }

    private StepReport step(StepRecorder.Step s, LoadRecording r) {
        long start = s.startNanos;
        long end = Math.max(s.endNanos, start);
        Map<Long, SessionProbe.Storage> before = new HashMap<>();
        s.storageBefore.forEach(x -> before.put(x.id(), x));
        Map<String, String> locks = locks(s, before);
        String lockMode;
        String source;
        if (probe.observesLocks() || s.analysis == null) {
            lockMode = locks.values().stream().max((a, b) -> Integer.compare(probe.strength(a), probe.strength(b)))
                    .orElse("none");
            source = probe.observesLocks() ? "observed" : "none";
        } else {
            lockMode = s.analysis.verdict().lock();
            source = "verdict";
        }
        List<String> lint = s.analysis == null ? List.of() : s.analysis.findings().stream().map(Finding::code).distinct().toList();
        String error = s.error != null ? s.error : s.observationError == null ? null
                : "observation failed: " + s.observationError;
        return new StepReport(s.migration, s.file, s.line, s.phase, s.sql, start / 1_000_000, (end - start) / 1_000_000,
                lockMode, source, locks.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(),
                s.waitNanos / 1_000_000, s.waitedFor, s.retries, changed(s, false), changed(s, true), lint, error,
                r == null ? LatencyStats.EMPTY : r.within(start - windowNanos, start),
                r == null ? LatencyStats.EMPTY : r.overlapping(start, end),
                r == null ? LatencyStats.EMPTY : r.within(end, end + windowNanos), Stall.NONE, null);
    }

    /** The strongest granted lock per existing table (not index), held while or once the statement ran. */
    private Map<String, String> locks(StepRecorder.Step s, Map<Long, SessionProbe.Storage> before) {
        Map<String, String> out = new LinkedHashMap<>();
        List<SessionProbe.Lock> all = new ArrayList<>(s.locksAfter);
        all.addAll(s.sampledLocks);
        for (SessionProbe.Lock l : all) {
            SessionProbe.Storage existed = before.get(l.relationId());
            if (!l.granted() || existed == null || existed.index()) {
                continue;
            }
            out.merge(existed.relation(), l.mode(), (a, b) -> probe.strength(a) >= probe.strength(b) ? a : b);
        }
        return out;
    }

    /** Existing tables (or indexes) whose storage changed, by name. */
    private static List<String> changed(StepRecorder.Step s, boolean indexes) {
        Map<String, Long> after = new HashMap<>();
        s.storageAfter.stream().filter(x -> x.index() == indexes).forEach(x -> after.put(x.relation(), x.file()));
        List<String> out = new ArrayList<>();
        for (SessionProbe.Storage b : s.storageBefore) {
            Long now = after.get(b.relation());
            if (b.index() == indexes && b.file() != 0 && now != null && now != b.file()) {
                out.add(b.relation());
            }
        }
        out.sort(String::compareTo);
        return out;
    }
}
