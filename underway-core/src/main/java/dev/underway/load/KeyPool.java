package dev.underway.load;

import dev.underway.dialect.TableColumn;
import dev.underway.dialect.TableKey;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Keys of existing rows that reads and updates pick from. A single whole-number key is a range
 * (min to max, growing as rows are inserted); other keys are a sample read at the start plus keys
 * of rows the load inserted. A picked key may belong to a row deleted since: then the query finds
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

    /** Whole-number keys between the smallest and the largest seen. */
    static final class Range extends KeyPool {
        private final long min;
        private long max;

        Range(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        synchronized String[] pick(SplittableRandom random) {
            if (max < min) {
                return null;
            }
            return new String[] {Long.toString(min + random.nextLong(max - min + 1))};
        }

        synchronized long max() {
            return max;
        }

        @Override
        synchronized void inserted(String[] key) {
            // A server-chosen key (identity, sequence) is most likely the next one.
            max = key == null ? max + 1 : Math.max(max, Long.parseLong(key[0]));
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
