package dev.underway.load;

import dev.underway.migration.TableColumn;
import dev.underway.migration.TableKey;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Keys of existing rows that reads and updates pick from. A single whole-number key is the range
 * the table held at the start; other keys are a sample read at the start; both plus the keys of
 * rows the load inserted. A picked key may belong to a row deleted since: then the query finds
 * nothing, as an application's would.
 */
abstract class KeyPool {
    static final int SAMPLE = 10_000;

    /** A key as text per key column, or null when no key is known yet. */
    abstract String[] pick(SplittableRandom random);

    /** A row with this key now exists; {@code key} is null when the server chose it. */
    abstract void inserted(String[] key);

    static boolean isRange(TableKey key) {
        return key.columns().size() == 1 && key.columns().get(0).kind() == TableColumn.KeyKind.INTEGER;
    }

    /**
     * Whole-number keys: the range the table held at the start, and the keys the load inserted since (which
     * usually lie far above it, so growing the range would mostly pick keys that do not exist). Keys the server
     * chose are not known and not picked.
     */
    static final class Range extends KeyPool {
        private final long min;
        private final long max;
        private final Sample inserted = new Sample(List.of());

        Range(long min, long max) {
            this.min = min;
            this.max = max;
        }

        long max() {
            return max;
        }

        @Override
        String[] pick(SplittableRandom random) {
            long span = Math.max(0, max - min + 1);
            int added = inserted.size();
            if (span + added == 0) {
                return null;
            }
            long n = random.nextLong(span + added);
            return n < span ? new String[] {Long.toString(min + n)} : inserted.pick(random);
        }

        @Override
        void inserted(String[] key) {
            inserted.inserted(key);
        }
    }

    /** A bounded sample of known keys. */
    static final class Sample extends KeyPool {
        private final List<String[]> keys;
        private final SplittableRandom replace = new SplittableRandom(17);

        Sample(List<String[]> keys) {
            this.keys = new ArrayList<>(keys);
        }

        @Override
        synchronized String[] pick(SplittableRandom random) {
            return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
        }

        synchronized int size() {
            return keys.size();
        }

        @Override
        synchronized void inserted(String[] key) {
            if (key == null) {
                return;
            }
            if (keys.size() < SAMPLE) {
                keys.add(key);
            } else {
                keys.set(replace.nextInt(SAMPLE), key);
            }
        }
    }
}
