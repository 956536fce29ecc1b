package dev.underway.migration;

/**
 * A column as a data change sees it.
 *
 * @param type      the server's own spelling of the type ({@code bigint}, {@code varchar(20)}), used for casts
 * @param kind      how a key value of this column is bound and compared
 * @param writable  false for generated columns and {@code GENERATED ALWAYS} identities, which an UPDATE may not set
 */
public record TableColumn(String name, String type, KeyKind kind, boolean notNull, boolean writable) {

    /** How a key value travels between a result set, the checkpoint (as text) and a bind parameter. */
    public enum KeyKind {
        /** Whole numbers: bound as exact decimals, never as doubles. */
        INTEGER,
        DECIMAL,
        /** Bytes: kept as hex text in the checkpoint. */
        BINARY,
        /** Everything else: strings, dates, UUIDs, bound as text the server converts. */
        TEXT
    }
}
