package dev.underway.dialect;

import dev.underway.migration.QualifiedName;

import java.util.List;

/**
 * What synthetic rows need to know of a column: the kind of value, its limits, whether the
 * server fills it itself, and what it must agree with (unique keys, a referenced column).
 *
 * @param type         the server's spelling of the type, for messages
 * @param length       maximum characters (text) or bytes (binary); null: unbounded
 * @param precision    total digits of a decimal; null otherwise
 * @param scale        digits after the point of a decimal; null otherwise
 * @param maxInteger   the largest value a whole-number column holds
 * @param labels       the values of an ENUM or SET
 * @param serverFilled identity, serial/auto_increment, generated, or with a DEFAULT: left to the server
 * @param writable     false for generated columns and GENERATED ALWAYS identities, which nothing may set
 * @param unique       part of a primary key or unique constraint: values must differ per row
 * @param references   the referenced table of a single-column foreign key, or null
 * @param referencedColumn the column it references
 * @param compositeReference part of a foreign key over several columns (not generated)
 */
public record ColumnProfile(String name, Kind kind, String type, Integer length, Integer precision, Integer scale,
                            long maxInteger, List<String> labels, boolean nullable, boolean serverFilled,
                            boolean writable, boolean unique,
                            QualifiedName references, String referencedColumn, boolean compositeReference) {

    public ColumnProfile {
        labels = List.copyOf(labels);
    }

    /** Kinds of values synthetic rows can hold. */
    public enum Kind {
        INTEGER, DECIMAL, FLOAT, BOOLEAN, TEXT, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID, JSON, BINARY, ENUM, SET, INET,
        /** A type synthetic rows do not make (arrays, geometry, ranges, ...). */
        UNSUPPORTED
    }

    public ColumnProfile withReference(QualifiedName table, String column) {
        return new ColumnProfile(name, kind, type, length, precision, scale, maxInteger, labels, nullable, serverFilled,
                writable, unique, table, column, false);
    }

    /** Values limited to a list by a CHECK constraint ({@code status IN ('new', 'active')}): made like an enum's. */
    public ColumnProfile limitedTo(List<String> values) {
        return new ColumnProfile(name, Kind.ENUM, type, length, precision, scale, maxInteger, values, nullable, serverFilled,
                writable, unique, references, referencedColumn, compositeReference);
    }

    /** Part of a foreign key over several columns, which synthetic rows do not make values for. */
    public ColumnProfile inCompositeReference() {
        return new ColumnProfile(name, kind, type, length, precision, scale, maxInteger, labels, nullable, serverFilled,
                writable, unique, null, null, true);
    }
}
