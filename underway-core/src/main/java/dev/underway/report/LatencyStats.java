package dev.underway.report;

import java.util.Map;

/**
 * What the application saw over some window: how many queries ended, how many failed (by
 * SQLSTATE, with the first message), and latency percentiles of all of them, failed ones included
 * (a query that waited two seconds for a lock and then failed was two seconds of waiting).
 * Percentiles come from an HdrHistogram with three significant digits; the maximum is exact, and no
 * percentile is above it (the histogram reports the top of a value's bucket, which can lie above the
 * exact value: 2,484.2 ms for a maximum of 2,484.1 ms).
 */
public record LatencyStats(long queries, long errors, Map<String, ErrorCount> errorsByState, double p50Ms,
                           double p99Ms, double maxMs) {
    public static final LatencyStats EMPTY = new LatencyStats(0, 0, Map.of(), 0, 0, 0);

    public LatencyStats {
        errorsByState = Map.copyOf(errorsByState);
    }

    /** How often one SQLSTATE occurred, and its first message. */
    public record ErrorCount(long count, String message) {
    }
}
