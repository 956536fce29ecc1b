package dev.underway.load;

import dev.underway.report.QueryKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The queries one client ran, in the order they ended: start and end (nanoseconds since the load
 * began), kind, table and outcome. One client writes, a reporter may read while it runs.
 */
final class QueryLog {
    private static final int CHUNK = 4096;

    private final List<long[]> chunks = new ArrayList<>();
    private long[] current;
    private int size;

    /** @param outcome 0 when the query succeeded, else an {@link ErrorCatalog} id */
    synchronized void append(long startNanos, long endNanos, QueryKind kind, int table, int outcome) {
        int slot = size % CHUNK;
        if (slot == 0) {
            current = new long[CHUNK * 3];
            chunks.add(current);
        }
        current[slot * 3] = startNanos;
        current[slot * 3 + 1] = endNanos;
        current[slot * 3 + 2] = Meta.pack(kind, table, outcome);
        size++;
    }

    synchronized int size() {
        return size;
    }

    /** Copies entries {@code from..size()} into {@code into} (start, end, meta per entry); returns how many. */
    synchronized int copyFrom(int from, Entries into) {
        for (int i = from; i < size; i++) {
            long[] c = chunks.get(i / CHUNK);
            int slot = i % CHUNK;
            into.add(c[slot * 3], c[slot * 3 + 1], c[slot * 3 + 2]);
        }
        return size - from;
    }

    /** Kind, table and outcome packed into one long. */
    static final class Meta {
        private Meta() {
        }

        static long pack(QueryKind kind, int table, int outcome) {
            return ((long) kind.ordinal() << 56) | ((long) (table & 0xFFFFFF) << 32) | (outcome & 0xFFFFFFFFL);
        }

        static QueryKind kind(long meta) {
            return QueryKind.values()[(int) (meta >>> 56)];
        }

        static int table(long meta) {
            return (int) ((meta >>> 32) & 0xFFFFFF);
        }

        static int outcome(long meta) {
            return (int) meta;
        }
    }

    /** A growable columnar list of entries. */
    static final class Entries {
        long[] start = new long[1024];
        long[] end = new long[1024];
        long[] meta = new long[1024];
        int size;

        void add(long s, long e, long m) {
            if (size == start.length) {
                int n = size * 2;
                start = java.util.Arrays.copyOf(start, n);
                end = java.util.Arrays.copyOf(end, n);
                meta = java.util.Arrays.copyOf(meta, n);
            }
            start[size] = s;
            end[size] = e;
            meta[size] = m;
            size++;
        }
    }
}
