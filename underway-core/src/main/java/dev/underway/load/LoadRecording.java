package dev.underway.load;

import dev.underway.report.LatencyStats;
import dev.underway.report.LoadSummary;
import dev.underway.report.QueryKind;
import dev.underway.report.Stall;
import dev.underway.report.TimelineInterval;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Every query of a load run, merged from its clients and ordered by the time it ended, with the
 * questions a report asks of them: what happened in a window, per interval, and the longest
 * stalls. Times are nanoseconds since the load began.
 */
public final class LoadRecording {
    private final long[] start;
    private final long[] end;
    private final long[] meta;
    private final int size;
    private final ErrorCatalog errors;
    private final List<String> tables;
    private final long durationNanos;
    private long[] stallStart;
    private long[] stallEnd;

    LoadRecording(QueryLog.Entries sortedByEnd, ErrorCatalog errors, List<String> tables, long durationNanos) {
        this.start = sortedByEnd.start;
        this.end = sortedByEnd.end;
        this.meta = sortedByEnd.meta;
        this.size = sortedByEnd.size;
        this.errors = errors;
        this.tables = List.copyOf(tables);
        this.durationNanos = durationNanos;
    }

    /** Merges client logs (each ordered by end) into one ordered by end. */
    static LoadRecording merge(List<QueryLog> logs, ErrorCatalog errors, List<String> tables, long durationNanos) {
        List<QueryLog.Entries> parts = new ArrayList<>();
        for (QueryLog log : logs) {
            QueryLog.Entries e = new QueryLog.Entries();
            log.copyFrom(0, e);
            parts.add(e);
        }
        QueryLog.Entries out = new QueryLog.Entries();
        int[] pos = new int[parts.size()];
        while (true) {
            int best = -1;
            for (int p = 0; p < parts.size(); p++) {
                if (pos[p] < parts.get(p).size && (best < 0 || parts.get(p).end[pos[p]] < parts.get(best).end[pos[best]])) {
                    best = p;
                }
            }
            if (best < 0) {
                return new LoadRecording(out, errors, tables, durationNanos);
            }
            QueryLog.Entries e = parts.get(best);
            int i = pos[best]++;
            out.add(e.start[i], e.end[i], e.meta[i]);
        }
    }

    public int queries() {
        return size;
    }

    public List<String> tables() {
        return tables;
    }

    public long durationMillis() {
        return durationNanos / 1_000_000;
    }

    public LatencyStats overall() {
        return stats(0, size, i -> true);
    }

    public LatencyStats of(QueryKind kind) {
        return stats(0, size, i -> QueryLog.Meta.kind(meta[i]) == kind);
    }

    /** The whole run: every query, each kind, the longest stall. */
    public LoadSummary summary() {
        Map<QueryKind, LatencyStats> byKind = new EnumMap<>(QueryKind.class);
        for (QueryKind k : QueryKind.values()) {
            byKind.put(k, of(k));
        }
        return new LoadSummary(durationMillis(), overall(), byKind, longestStall());
    }

    /** Queries that ended in {@code [from, to)}. */
    public LatencyStats endedBetween(long fromNanos, long toNanos) {
        return stats(firstEndAtOrAfter(fromNanos), firstEndAtOrAfter(toNanos), i -> true);
    }

    /** Queries that were running at some moment of {@code [from, to]}: they overlap it. */
    public LatencyStats overlapping(long fromNanos, long toNanos) {
        return stats(firstEndAtOrAfter(fromNanos), size, i -> start[i] <= toNanos);
    }

    /** Queries that started and ended within {@code [from, to]}. */
    public LatencyStats within(long fromNanos, long toNanos) {
        return stats(firstEndAtOrAfter(fromNanos), size, i -> start[i] >= fromNanos && end[i] <= toNanos);
    }

    /** Per interval of the given length, from the load's start to its end, by the time queries ended. */
    public List<TimelineInterval> timeline(Duration interval) {
        long step = interval.toNanos();
        List<TimelineInterval> out = new ArrayList<>();
        int from = 0;
        for (long t = 0; t < Math.max(durationNanos, 1); t += step) {
            int to = firstEndAtOrAfter(t + step);
            LatencyStats s = stats(from, to, i -> true);
            out.add(new TimelineInterval(t / 1_000_000, s.queries(), s.errors(), s.p50Ms(), s.p99Ms(), s.maxMs()));
            from = to;
        }
        return out;
    }

    public Stall longestStall() {
        return longestStallOverlapping(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The longest stall that overlaps {@code [from, to]}, whole (it may begin before or end after it). */
    public Stall longestStallOverlapping(long fromNanos, long toNanos) {
        findStalls();
        long bestStart = 0;
        long best = 0;
        for (int i = 0; i < stallStart.length; i++) {
            long d = stallEnd[i] - stallStart[i];
            if (d > best && stallStart[i] <= toNanos && stallEnd[i] >= fromNanos) {
                best = d;
                bestStart = stallStart[i];
            }
        }
        return best == 0 ? Stall.NONE : new Stall(bestStart / 1_000_000, best / 1_000_000);
    }

    /** Every stall that overlaps {@code [from, to]}, whole, the longest first. */
    public List<Stall> stallsOverlapping(long fromNanos, long toNanos) {
        findStalls();
        List<Stall> out = new ArrayList<>();
        for (int i = 0; i < stallStart.length; i++) {
            if (stallEnd[i] - stallStart[i] >= 1_000_000 && stallStart[i] <= toNanos && stallEnd[i] >= fromNanos) {
                out.add(new Stall(stallStart[i] / 1_000_000, (stallEnd[i] - stallStart[i]) / 1_000_000));
            }
        }
        out.sort(java.util.Comparator.comparingLong(Stall::durationMs).reversed());
        return out;
    }

    /**
     * Every period without a completed query while one was waiting: at each completion, the time
     * back to the later of the previous completion and the start of the oldest query still running.
     */
    private synchronized void findStalls() {
        if (stallStart != null) {
            return;
        }
        Integer[] byStart = new Integer[size];
        for (int i = 0; i < size; i++) {
            byStart[i] = i;
        }
        java.util.Arrays.sort(byStart, (a, b) -> Long.compare(start[a], start[b]));
        TreeMap<Long, Integer> running = new TreeMap<>();
        QueryLog.Entries stalls = new QueryLog.Entries();
        long lastEnd = Long.MIN_VALUE;
        int s = 0;
        for (int e = 0; e < size; e++) {
            while (s < size && start[byStart[s]] <= end[e]) {
                running.merge(start[byStart[s]], 1, Integer::sum);
                s++;
            }
            long from = Math.max(lastEnd, running.firstKey());
            if (end[e] > from) {
                stalls.add(from, end[e], 0);
            }
            running.compute(start[e], (k, n) -> n == 1 ? null : n - 1);
            lastEnd = end[e];
        }
        stallStart = java.util.Arrays.copyOf(stalls.start, stalls.size);
        stallEnd = java.util.Arrays.copyOf(stalls.end, stalls.size);
    }

    private LatencyStats stats(int from, int to, IntPredicate include) {
        Histogram h = new Histogram(3);
        long failed = 0;
        long max = 0;
        Map<Integer, Long> byId = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            if (!include.test(i)) {
                continue;
            }
            long micros = Math.max(0, (end[i] - start[i]) / 1000);
            h.recordValue(micros);
            max = Math.max(max, micros);
            int outcome = QueryLog.Meta.outcome(meta[i]);
            if (outcome != 0) {
                failed++;
                byId.merge(outcome, 1L, Long::sum);
            }
        }
        Map<String, LatencyStats.ErrorCount> byState = new LinkedHashMap<>();
        byId.forEach((id, n) -> byState.put(errors.state(id), new LatencyStats.ErrorCount(n, errors.message(id))));
        return stats(h, max, failed, byState);
    }

    /** The first index whose query ended at or after {@code t} (ends are sorted). */
    private int firstEndAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static LatencyStats stats(Histogram latenciesMicros, long maxMicros, long errors, Map<String, LatencyStats.ErrorCount> byState) {
        long n = latenciesMicros.getTotalCount();
        if (n == 0) {
            return new LatencyStats(0, errors, byState, 0, 0, 0);
        }
        return new LatencyStats(n, errors, byState, millis(Math.min(maxMicros, latenciesMicros.getValueAtPercentile(50))),
                millis(Math.min(maxMicros, latenciesMicros.getValueAtPercentile(99))), millis(maxMicros));
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
