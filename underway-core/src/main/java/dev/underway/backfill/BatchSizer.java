package dev.underway.backfill;

import dev.underway.migration.ErrorKind;

/**
 * Chooses the next batch's size so that a batch takes about the target time. It starts small,
 * at most doubles after a batch that went well (so a wrong guess costs little), and after a
 * slow batch drops at once to the size the last batch's speed calls for. Lock timeouts halve
 * it; statement timeouts quarter it. A fixed size never changes. Neither exceeds the cap (a
 * rows-per-second limit makes one second's worth the largest batch: a batch of 10,000 rows
 * under a cap of 1,000 rows/s would hold its locks for the whole burst and then sleep 10 s).
 */
public final class BatchSizer {
    static final int INITIAL = 100;
    static final int MAX = 500_000;

    private final long targetMillis;
    private final boolean fixed;
    private final int cap;
    private int size;

    private BatchSizer(long targetMillis, int size, boolean fixed, int cap) {
        this.targetMillis = targetMillis;
        this.size = Math.min(size, cap);
        this.fixed = fixed;
        this.cap = cap;
    }

    /** @param cap as for {@link #adaptive}: a fixed size above it is lowered to it */
    public static BatchSizer fixed(int size, int cap) {
        return new BatchSizer(0, size, true, Math.max(1, cap));
    }

    /** @param cap the largest size allowed (e.g. a rows-per-second cap, so one batch never exceeds a second's worth) */
    public static BatchSizer adaptive(long targetMillis, int cap) {
        return new BatchSizer(targetMillis, INITIAL, false, Math.max(1, Math.min(cap, MAX)));
    }

    public int size() {
        return size;
    }

    /** Learns from a finished batch of {@code rows} rows that took {@code millis}. */
    public void record(int rows, double millis) {
        if (fixed || rows <= 0) {
            return;
        }
        double ideal = rows * targetMillis / Math.max(millis, 0.1);
        double next;
        if (millis > 2 * targetMillis) {
            next = ideal;
        } else if (rows < size) {
            return;
        } else {
            next = Math.min(ideal, size * 2.0);
            // Near the target, move half-way only: batch times are noisy.
            next = next > size ? next : size + (next - size) / 2;
        }
        size = (int) Math.max(1, Math.min(cap, Math.round(next)));
    }

    /** Shrinks after a batch failed and was rolled back. */
    public void failed(ErrorKind kind) {
        if (fixed) {
            return;
        }
        size = Math.max(1, kind == ErrorKind.STATEMENT_TIMEOUT ? size / 4 : size / 2);
    }
}
