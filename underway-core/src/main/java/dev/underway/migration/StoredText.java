package dev.underway.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A closed set of values that a state table stores as text. The text is each value's own field, so the
 * tables hold exactly what earlier versions wrote, and rows they wrote still read.
 */
public interface StoredText {
    /** The text in the state table, and how output names the value. */
    @JsonValue
    String text();

    /** The value stored as {@code text} in {@code table.column}; refuses text no version of Underway writes. */
    static <E extends Enum<E> & StoredText> E read(Class<E> type, QualifiedName table, String column, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.text().equals(text)) {
                return e;
            }
        }
        throw UnderwayException.of(Reason.DATABASE_ERROR, "state table " + table + " holds an unknown " + column + " '" + text
                + "' (known: " + Arrays.stream(type.getEnumConstants()).map(StoredText::text)
                .collect(Collectors.joining(", ")) + "); was it written by a newer version of Underway?");
    }
}
