package dev.underway.report;

import java.util.Map;

/**
 * What the simulated application saw over a whole load run ({@code Underway.load}).
 *
 * @param durationMs   how long the load ran, until the last query that was running at its end ended
 * @param overall      every query of the run
 * @param byKind       the queries of each kind (a kind the run had none of: {@link LatencyStats#EMPTY} or absent)
 * @param longestStall the longest time no query ended while one waited ({@link Stall#NONE}: none)
 */
public record LoadSummary(long durationMs, LatencyStats overall, Map<QueryKind, LatencyStats> byKind,
                          Stall longestStall) {

    public LoadSummary {
        byKind = Map.copyOf(byKind);
    }

    /** The queries of one kind. */
    public LatencyStats of(QueryKind kind) {
        return byKind.getOrDefault(kind, LatencyStats.EMPTY);
    }
}
