package dev.underway.rehearse;

import dev.underway.report.Stall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each stall belongs to one step: the statement it happened during, or the transaction it spread over. */
class StallAttributionTest {
    private static final int ACCESS_EXCLUSIVE = 7;
    private static final int ROW_EXCLUSIVE = 3;

    @Test
    void aStallDuringOneStatementBelongsToItNotToTheOtherStatementsOfItsTransaction() {
        // Issue 20: a 1 ms ALTER took ACCESS EXCLUSIVE, then a 2.4 s UPDATE ran in the same transaction.
        StallAttribution a = new StallAttribution(List.of(
                new StallAttribution.Span(1000, 1001, "V2", ACCESS_EXCLUSIVE),
                new StallAttribution.Span(1001, 3401, "V2", ACCESS_EXCLUSIVE),
                new StallAttribution.Span(3401, 3402, "V2", ACCESS_EXCLUSIVE)));
        assertThat(a.owner(new Stall(1000, 2404))).contains(new StallAttribution.Owner(1, StallAttribution.STATEMENT));
    }

    @Test
    void aStallSpreadOverATransactionBelongsToItsStatementThatTookTheStrongestLock() {
        StallAttribution a = new StallAttribution(List.of(
                new StallAttribution.Span(0, 400, null, ROW_EXCLUSIVE),
                new StallAttribution.Span(1000, 1500, "V3", ROW_EXCLUSIVE),
                new StallAttribution.Span(1500, 1501, "V3", ACCESS_EXCLUSIVE),
                new StallAttribution.Span(1501, 2000, "V3", ACCESS_EXCLUSIVE),
                new StallAttribution.Span(2000, 2500, "V3", ACCESS_EXCLUSIVE),
                new StallAttribution.Span(2500, 3000, "V3", ACCESS_EXCLUSIVE)));
        // Three statements share it about equally: the lock the 1 ms statement took was held throughout.
        assertThat(a.owner(new Stall(1500, 1510))).contains(new StallAttribution.Owner(2, StallAttribution.TRANSACTION));
        assertThat(a.owner(new Stall(1600, 300))).contains(new StallAttribution.Owner(3, StallAttribution.STATEMENT));
    }

    @Test
    void aStallMostlyOutsideEveryStatementBelongsToNone() {
        StallAttribution a = new StallAttribution(List.of(
                new StallAttribution.Span(0, 100, null, ACCESS_EXCLUSIVE),
                new StallAttribution.Span(2000, 2100, "V2", ACCESS_EXCLUSIVE),
                new StallAttribution.Span(2100, 2200, "V2", ACCESS_EXCLUSIVE)));
        assertThat(a.owner(new Stall(50, 300))).isEmpty();
        assertThat(a.owner(new Stall(500, 600))).isEmpty();
        assertThat(a.owner(new Stall(1000, 1300))).as("half of it before the transaction began").isEmpty();
        assertThat(a.owner(new Stall(1900, 400))).contains(new StallAttribution.Owner(1, StallAttribution.TRANSACTION));
    }
}
