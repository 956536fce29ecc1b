package dev.underway.report;

/**
 * A time during which no application query ended although at least one was waiting: what users
 * of the application notice as "it hung".
 *
 * @param startMs milliseconds since the load began; 0 with {@code durationMs} 0 when there was none
 */
public record Stall(long startMs, long durationMs) {
    public static final Stall NONE = new Stall(0, 0);

    public long endMs() {
        return startMs + durationMs;
    }
}
