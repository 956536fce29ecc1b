package dev.underway.report;

/**
 * One interval of the load's timeline: the queries that ended in it, their errors and latency.
 *
 * @param startMs the interval's start, milliseconds since the load began
 */
public record TimelineInterval(long startMs, long queries, long errors, double p50Ms, double p99Ms, double maxMs) {
}
