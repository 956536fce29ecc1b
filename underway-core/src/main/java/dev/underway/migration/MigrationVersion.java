package dev.underway.migration;

import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version: dot-separated numbers compared part by part as big integers, a
 * missing part counting as zero ({@code 1.10 > 1.9}, {@code 1.01 == 1.1}, {@code 1 == 1.0}).
 * An underscore in a file name's version means a dot, as in Flyway.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
    private static final Pattern SYNTAX = Pattern.compile("\\d+(?:[._]\\d+)*");

    private final List<BigInteger> parts;
    private final String text;

    private MigrationVersion(List<BigInteger> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    public static boolean isValid(String s) {
        return s != null && SYNTAX.matcher(s).matches();
    }

    public static MigrationVersion parse(String s) {
        if (!isValid(s)) {
            throw UnderwayException.of(Reason.BAD_FILE, "'" + s + "' is not a version; use numbers separated by dots, e.g. 1, 2.1, 2024.06.01");
        }
        String text = s.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String p : text.split("\\.")) {
            parts.add(new BigInteger(p));
        }
        return new MigrationVersion(List.copyOf(parts), text);
    }

    @Override
    public int compareTo(MigrationVersion o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.size();
        while (end > 1 && parts.get(end - 1).signum() == 0) {
            end--;
        }
        return parts.subList(0, end).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
