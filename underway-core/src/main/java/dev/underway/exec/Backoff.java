package dev.underway.exec;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, bounded by a total time budget: the n-th wait is a random
 * duration between half and all of {@code min(max, initial * 2^n)}, and no wait is offered
 * once it would end past the budget.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final Duration budget;
    private final long startNanos;
    private int attempt;

    public Backoff(Duration initial, Duration max, Duration budget) {
        this.initial = initial;
        this.max = max;
        this.budget = budget;
        this.startNanos = System.nanoTime();
    }

    /** The next wait, or null when the budget is spent (the caller gives up). */
    public Duration next() {
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        attempt++;
        long wait = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        if (elapsed + wait > budget.toMillis()) {
            return null;
        }
        return Duration.ofMillis(wait);
    }

    /** Retries offered so far. */
    public int attempts() {
        return attempt;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
