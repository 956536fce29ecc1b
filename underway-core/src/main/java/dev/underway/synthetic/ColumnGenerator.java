package dev.underway.synthetic;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.ColumnProfile;
import dev.underway.dialect.ColumnProfile.Kind;
import dev.underway.dialect.DataFill;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes one column's values as the text the server converts: plausible (words of varied length,
 * timestamps over a few years), within the column's limits, unique per row number where the column
 * is part of a key, and a key of the parent where it references one.
 */
final class ColumnGenerator {
    private static final String[] WORDS = {"alpha", "bravo", "cedar", "delta", "ember", "fjord", "grove", "harbor",
        "indigo", "juniper", "kestrel", "lumen", "maple", "nectar", "onyx", "prairie", "quartz", "river", "saffron",
        "tundra", "umber", "violet", "willow", "xenon", "yarrow", "zephyr"};
    private static final long DAY0 = LocalDate.of(2020, 1, 1).toEpochDay();
    private static final long SECOND0 = LocalDateTime.of(2021, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final int SPAN_DAYS = 5 * 365;
    private static final long SPAN_SECONDS = 3L * 365 * 86_400;

    private final ColumnProfile column;
    private final DataFill fill;
    private final List<String> parentKeys;
    /** Values of rows already in the table, which non-unique values are drawn from when there are any. */
    private final List<String> observed;

    /** @param parentKeys keys of the referenced table, for a foreign key column */
    ColumnGenerator(ColumnProfile column, DataFill fill, List<String> parentKeys, String table) {
        this(column, fill, parentKeys, List.of(), table);
    }

    private ColumnGenerator(ColumnProfile column, DataFill fill, List<String> parentKeys, List<String> observed,
                            String table) {
        this.column = column;
        this.fill = fill;
        this.parentKeys = parentKeys;
        this.observed = observed;
        boolean unsupported = column.kind() == Kind.UNSUPPORTED || column.compositeReference();
        if (!column.nullable() && (unsupported || column.references() != null && parentKeys.isEmpty())) {
            throw UnderwayException.of(Reason.UNSUPPORTED, "cannot make synthetic values for " + table + "." + column.name() + " ("
                    + column.type() + (column.compositeReference() ? ", part of a foreign key over several columns"
                    : column.references() != null ? ", referencing " + column.references() + ", which has no rows"
                    : ", a type synthetic rows do not cover") + "), which is NOT NULL without a default; give it a"
                    + " DEFAULT, fill the table yourself, or pass " + SyntheticData.noRows(table.substring(table.lastIndexOf('.') + 1)));
        }
    }

    ColumnProfile column() {
        return column;
    }

    /** The same column drawing its non-unique values from {@code values} (those of existing rows). */
    ColumnGenerator drawingFrom(List<String> values) {
        return new ColumnGenerator(column, fill, parentKeys, List.copyOf(values), "");
    }

    String value(long row, SplittableRandom r) {
        if (column.references() != null || column.compositeReference() || column.kind() == Kind.UNSUPPORTED) {
            if (parentKeys.isEmpty()) {
                return null;
            }
            return parentKeys.get(column.unique() ? (int) (row % parentKeys.size()) : r.nextInt(parentKeys.size()));
        }
        boolean unique = column.unique();
        if (!unique && !observed.isEmpty()) {
            return observed.get(r.nextInt(observed.size()));
        }
        return switch (column.kind()) {
            case INTEGER -> Long.toString(unique ? within(row, column.maxInteger()) : 1 + r.nextLong(Math.min(column.maxInteger(), 1_000_000)));
            case DECIMAL -> decimal(row, r);
            case FLOAT -> unique ? row + ".5" : Double.toString(Math.round(r.nextDouble() * 1_000_000) / 1000.0);
            case BOOLEAN -> fill.bool(r.nextBoolean());
            case TEXT -> text(row, r);
            case DATE -> LocalDate.ofEpochDay(DAY0 + (unique ? row : r.nextInt(SPAN_DAYS))).toString();
            case TIME -> time(unique ? row % 86_400 : r.nextInt(86_400));
            case TIMESTAMP -> timestamp(unique ? row : r.nextLong(SPAN_SECONDS));
            case TIMESTAMPTZ -> timestamp(unique ? row : r.nextLong(SPAN_SECONDS)) + "+00";
            case UUID -> (unique ? new UUID(0x5EED_0000_0000_4000L, 0x8000_0000_0000_0000L | row)
                    : new UUID(r.nextLong(), r.nextLong())).toString();
            case JSON -> "{\"n\": " + (unique ? row : r.nextInt(1000)) + ", \"tag\": \"" + WORDS[r.nextInt(WORDS.length)] + "\"}";
            case BINARY -> binary(row, r);
            case ENUM, SET -> column.labels().isEmpty() ? null
                    : column.labels().get(unique ? (int) (row % column.labels().size()) : r.nextInt(column.labels().size()));
            case INET -> unique ? "10." + (row >> 16 & 255) + "." + (row >> 8 & 255) + "." + (row & 255)
                    : "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            case UNSUPPORTED -> null;
        };
    }

    private long within(long row, long max) {
        if (row > max) {
            throw UnderwayException.of(Reason.BAD_OPTION, "column " + column.name() + " (" + column.type() + ") cannot hold " + row
                    + " distinct values; ask for fewer rows");
        }
        return row;
    }

    private String decimal(long row, SplittableRandom r) {
        int precision = column.precision() == null || column.precision() == 0 ? 12 : column.precision();
        int scale = column.scale() == null ? (column.precision() == null ? 2 : 0) : column.scale();
        int digits = Math.min(precision - scale, 9);
        long max = digits <= 0 ? 0 : (long) Math.pow(10, digits) - 1;
        long whole = column.unique() ? within(row, max) : max == 0 ? 0 : r.nextLong(max + 1);
        if (scale == 0) {
            return Long.toString(whole);
        }
        int fractionDigits = Math.min(scale, 9);
        String fraction = Long.toString(r.nextLong((long) Math.pow(10, fractionDigits)));
        return whole + "." + "0".repeat(fractionDigits - fraction.length()) + fraction;
    }

    /** Words of varied length, cut to the column's length; unique ones start with the row number. */
    private String text(long row, SplittableRandom r) {
        int limit = column.length() == null ? 40 : Math.min(column.length(), 40);
        String prefix = column.unique() ? Long.toString(row) : "";
        if (prefix.length() > limit) {
            throw UnderwayException.of(Reason.BAD_OPTION, "column " + column.name() + " (" + column.type() + ") is too short for "
                    + row + " distinct values; ask for fewer rows");
        }
        int wanted = Math.max(prefix.length(), 1 + r.nextInt(limit));
        StringBuilder b = new StringBuilder(wanted + 12).append(prefix);
        while (b.length() < wanted) {
            b.append(b.length() == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        b.setLength(wanted);
        return b.toString();
    }

    private static String time(long secondOfDay) {
        return two(secondOfDay / 3600) + ":" + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60);
    }

    private static String timestamp(long offsetSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(SECOND0 + offsetSeconds, 0, ZoneOffset.UTC);
        return t.toLocalDate() + " " + time(t.toLocalTime().toSecondOfDay());
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    private String binary(long row, SplittableRandom r) {
        int limit = column.length() == null ? 16 : Math.max(1, Math.min(column.length(), 16));
        byte[] bytes = new byte[column.unique() ? Math.min(8, limit) : 1 + r.nextInt(limit)];
        if (column.unique()) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[bytes.length - 1 - i] = (byte) (row >>> (8 * i));
            }
        } else {
            r.nextBytes(bytes);
        }
        return "\\x" + HexFormat.of().formatHex(bytes);
    }
}
