package dev.underway;

import java.util.Objects;

/**
 * Which recorded backfill a command means: the one of a table ({@link #table(String)}, recorded as
 * {@code schema.table}), or one started under a name of its own ({@link #named(String)}).
 *
 * <pre>{@code
 * uw.pauseBackfill(BackfillRef.table("orders"), true);
 * uw.backfillStatus(BackfillRef.named("orders-fill-2"));
 * }</pre>
 */
public sealed interface BackfillRef {

    /** The backfill of {@code table}, in the configured schema unless it is written {@code schema.table}. */
    static BackfillRef table(String table) {
        return new Table(null, table);
    }

    /** The backfill of {@code schema.table}. */
    static BackfillRef table(String schema, String table) {
        return new Table(schema, table);
    }

    /** The backfill recorded under exactly this name (one given to {@code BackfillRequest.Builder.name}). */
    static BackfillRef named(String name) {
        return new Named(name);
    }

    /** How messages name it: the table or the name as given. */
    String label();

    /** @param schema null: the configured schema (or the one written in {@code table}) */
    record Table(String schema, String table) implements BackfillRef {
        public Table {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public String label() {
            return table;
        }
    }

    record Named(String name) implements BackfillRef {
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String label() {
            return name;
        }
    }
}
