package dev.underway.rehearse;

import dev.underway.report.Stall;

import java.util.List;
import java.util.Optional;

/**
 * Decides which rehearsed step a stall of the application belongs to, so that each stall is
 * reported once, where it happened: on the statement during which most of it happened (it waited
 * for its lock, or ran while its session held one), or, when it spreads over several statements of
 * one migration's transaction (whose locks are all held until commit), on that transaction, shown
 * on its statement that first took the transaction's strongest lock. A stall mostly outside every
 * statement belongs to none of them; the whole run's longest stall still shows it.
 */
final class StallAttribution {
    static final String STATEMENT = "statement";
    static final String TRANSACTION = "transaction";

    /**
     * One step's time on the load's clock.
     *
     * @param transaction the migration whose transaction it ran in, or null when it ran alone
     * @param lockStrength how strong the lock its session held once it ran ({@code -1}: none)
     */
    record Span(long startMs, long endMs, String transaction, int lockStrength) {
        long overlap(Stall s) {
            return Math.max(0, Math.min(endMs, s.endMs()) - Math.max(startMs, s.startMs()));
        }
    }

    /** The step (index into the spans) a stall belongs to, and whether to it or to its transaction. */
    record Owner(int step, String scope) {
    }

    private final List<Span> spans;

    StallAttribution(List<Span> spans) {
        this.spans = List.copyOf(spans);
    }

    Optional<Owner> owner(Stall stall) {
        int best = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (best < 0 || spans.get(i).overlap(stall) > spans.get(best).overlap(stall)) {
                best = i;
            }
        }
        if (best < 0 || spans.get(best).overlap(stall) == 0) {
            return Optional.empty();
        }
        if (2 * spans.get(best).overlap(stall) >= stall.durationMs()) {
            return Optional.of(new Owner(best, STATEMENT));
        }
        String tx = spans.get(best).transaction();
        if (tx == null) {
            return Optional.empty();
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        int holder = -1;
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (tx.equals(s.transaction())) {
                from = Math.min(from, s.startMs());
                to = Math.max(to, s.endMs());
                holder = holder < 0 || s.lockStrength() > spans.get(holder).lockStrength() ? i : holder;
            }
        }
        long inTransaction = Math.max(0, Math.min(to, stall.endMs()) - Math.max(from, stall.startMs()));
        return 2 * inTransaction >= stall.durationMs() ? Optional.of(new Owner(holder, TRANSACTION)) : Optional.empty();
    }
}
