package dev.underway.load;

import dev.underway.report.LatencyStats;
import dev.underway.report.QueryKind;
import dev.underway.report.Stall;
import dev.underway.report.TimelineInterval;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The load's accounting on a workload whose every query is known: counts, errors, percentiles, timeline, stalls. */
class LoadRecordingTest {
    private static final long MS = 1_000_000;

    private final ErrorCatalog errors = new ErrorCatalog();
    private final QueryLog a = new QueryLog();
    private final QueryLog b = new QueryLog();

    /**
     * Two clients run 1 ms reads every 10 ms for a second; then both wait behind a lock for about 1.5 s (b's
     * query fails with a lock timeout); then a runs 50 more reads.
     */
    private LoadRecording twoClientsBlockedTogether() {
        for (int k = 0; k < 100; k++) {
            a.append(10 * k * MS, (10 * k + 1) * MS, QueryKind.READ, 0, 0);
            b.append((10 * k + 5) * MS, (10 * k + 6) * MS, QueryKind.READ, 0, 0);
        }
        a.append(1000 * MS, 2500 * MS, QueryKind.UPDATE, 0, 0);
        b.append(1002 * MS, 2501 * MS, QueryKind.INSERT, 0, errors.id("55P03", "canceling statement due to lock timeout"));
        for (int k = 0; k < 50; k++) {
            a.append((2510 + 10 * k) * MS, (2511 + 10 * k) * MS, QueryKind.READ, 0, 0);
        }
        return LoadRecording.merge(List.of(a, b), errors, List.of("t"), 3100 * MS);
    }

    @Test
    void countsErrorsAndPercentilesOfTheWholeRun() {
        LatencyStats all = twoClientsBlockedTogether().overall();
        LoadStatsAssert.of(all).queries(252).errors(1).p50(1).max(1500);
        assertThat(all.errorsByState()).containsOnlyKeys("55P03");
        assertThat(all.errorsByState().get("55P03").count()).isEqualTo(1);
        assertThat(all.errorsByState().get("55P03").message()).contains("lock timeout");
        // Two slow queries of 252 are less than 1%: the 99th percentile is still a fast one.
        assertThat(all.p99Ms()).isEqualTo(1.0);
    }

    /** Issue 20: a report showed p99 2,484.2 ms above its max of 2,484.1 ms (the top of the histogram's bucket). */
    @Test
    void noPercentileIsAboveTheExactMaximum() {
        QueryLog c = new QueryLog();
        for (int k = 0; k < 50; k++) {
            c.append(10 * k * MS, (10 * k + 1) * MS, QueryKind.READ, 0, 0);
        }
        c.append(600 * MS, 600 * MS + 2_484_100_000L, QueryKind.UPDATE, 0, 0);
        LoadRecording r = LoadRecording.merge(List.of(c), errors, List.of("t"), 3100 * MS);
        LatencyStats slow = r.of(QueryKind.UPDATE);
        assertThat(slow.maxMs()).isEqualTo(2484.1);
        assertThat(slow.p99Ms()).isEqualTo(2484.1);
        assertThat(slow.p50Ms()).isEqualTo(2484.1);
        LatencyStats all = r.overall();
        assertThat(all.p99Ms()).isLessThanOrEqualTo(all.maxMs()).isEqualTo(2484.1);
    }

    @Test
    void perKindStatistics() {
        LoadRecording r = twoClientsBlockedTogether();
        LoadStatsAssert.of(r.of(QueryKind.READ)).queries(250).errors(0).max(1);
        LoadStatsAssert.of(r.of(QueryKind.INSERT)).queries(1).errors(1).max(1499);
        // Percentiles have HdrHistogram's three significant digits.
        assertThat(r.of(QueryKind.INSERT).p50Ms()).isCloseTo(1499.0, org.assertj.core.data.Offset.offset(1.5));
        LoadStatsAssert.of(r.of(QueryKind.UPDATE)).queries(1).errors(0).max(1500);
    }

    @Test
    void theLongestStallRunsFromTheFirstBlockedQueryToTheFirstCompletionAfterIt() {
        LoadRecording r = twoClientsBlockedTogether();
        // The last query before the block ended at 996 ms; a's blocked query started at 1000 ms: nothing waited before.
        assertThat(r.longestStall()).isEqualTo(new Stall(1000, 1500));
        assertThat(r.longestStallOverlapping(1200 * MS, 1300 * MS)).isEqualTo(new Stall(1000, 1500));
        // Before the block the longest wait without any completion was one query's millisecond.
        assertThat(r.longestStallOverlapping(0, 990 * MS).durationMs()).isEqualTo(1);
    }

    @Test
    void windows() {
        LoadRecording r = twoClientsBlockedTogether();
        assertThat(r.overlapping(1200 * MS, 1300 * MS).queries()).isEqualTo(2);
        assertThat(r.endedBetween(0, 1000 * MS).queries()).isEqualTo(200);
        assertThat(r.within(2500 * MS, 3100 * MS).queries()).isEqualTo(50);
        assertThat(r.within(990 * MS, 2600 * MS).queries()).isEqualTo(1 + 1 + 2 + 9);
    }

    @Test
    void timelinePerSecondByTheTimeQueriesEnded() {
        List<TimelineInterval> t = twoClientsBlockedTogether().timeline(Duration.ofSeconds(1));
        assertThat(t).extracting(TimelineInterval::startMs).containsExactly(0L, 1000L, 2000L, 3000L);
        assertThat(t).extracting(TimelineInterval::queries).containsExactly(200L, 0L, 2L + 49, 1L);
        assertThat(t.get(2).errors()).isEqualTo(1);
        assertThat(t.get(2).maxMs()).isEqualTo(1500.0);
        assertThat(t.get(1).maxMs()).isZero();
    }

    @Test
    void aRecordingWithoutQueriesHasNoStallAndEmptyStatistics() {
        LoadRecording r = LoadRecording.merge(List.of(new QueryLog()), errors, List.of("t"), 500 * MS);
        assertThat(r.longestStall()).isEqualTo(Stall.NONE);
        assertThat(r.overall().queries()).isZero();
        assertThat(r.timeline(Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void aQueryRunningAloneIsAStallAsLongAsItself() {
        QueryLog log = new QueryLog();
        log.append(100 * MS, 900 * MS, QueryKind.READ, 0, 0);
        LoadRecording r = LoadRecording.merge(List.of(log), errors, List.of("t"), 1000 * MS);
        assertThat(r.longestStall()).isEqualTo(new Stall(100, 800));
    }

    /** Small fluent checks on {@link LatencyStats}. */
    private record LoadStatsAssert(LatencyStats s) {
        static LoadStatsAssert of(LatencyStats s) {
            return new LoadStatsAssert(s);
        }

        LoadStatsAssert queries(long n) {
            assertThat(s.queries()).as("queries").isEqualTo(n);
            return this;
        }

        LoadStatsAssert errors(long n) {
            assertThat(s.errors()).as("errors").isEqualTo(n);
            return this;
        }

        LoadStatsAssert p50(double ms) {
            assertThat(s.p50Ms()).as("p50").isEqualTo(ms);
            return this;
        }

        LoadStatsAssert max(double ms) {
            assertThat(s.maxMs()).as("max").isEqualTo(ms);
            return this;
        }
    }
}
