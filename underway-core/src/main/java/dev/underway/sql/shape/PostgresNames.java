package dev.underway.sql.shape;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The names PostgreSQL chooses for objects the statement leaves unnamed (its {@code makeObjectName},
 * {@code ChooseRelationName} and {@code ChooseIndexNameAddition}), so that a rewrite that has to write
 * the name leaves the catalog as the original statement would have.
 */
public final class PostgresNames {
    /** NAMEDATALEN - 1: identifiers longer than this are truncated by the server. */
    static final int MAX_BYTES = 63;

    private PostgresNames() {
    }

    /** An identifier as the server keeps it: at most 63 bytes, never cutting a character in two. */
    public static String identifier(String name) {
        return clip(name, MAX_BYTES);
    }

    /**
     * {@code name1_name2_label} within 63 bytes: the longer of the two names loses characters first, the label
     * never does ({@code name2} may be null).
     */
    public static String objectName(String name1, String name2, String label) {
        int overhead = (name2 == null ? 0 : 1) + (label == null ? 0 : label.length() + 1);
        int available = MAX_BYTES - overhead;
        int n1 = bytes(name1);
        int n2 = name2 == null ? 0 : bytes(name2);
        while (n1 + n2 > available) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        return clip(name1, n1) + (name2 == null ? "" : "_" + clip(name2, n2)) + (label == null ? "" : "_" + label);
    }

    /** {@link #objectName} with {@code label}, then {@code label1}, {@code label2}... until {@code taken} says no. */
    public static String relationName(String name1, String name2, String label, Predicate<String> taken) {
        String name = objectName(name1, name2, label);
        for (int pass = 1; taken.test(name); pass++) {
            name = objectName(name1, name2, label + pass);
        }
        return name;
    }

    /**
     * The column part of an index or key name: the names joined by {@code _}, a repeated name numbered
     * ({@code a_a1}), stopping once it is longer than an identifier (objectName truncates the rest).
     */
    public static String columnsPart(List<String> columns) {
        List<String> unique = new ArrayList<>();
        for (String column : columns) {
            String origin = identifier(column);
            String name = origin;
            for (int i = 1; unique.contains(name); i++) {
                String suffix = Integer.toString(i);
                name = clip(origin, MAX_BYTES - suffix.length()) + suffix;
            }
            unique.add(name);
        }
        StringBuilder part = new StringBuilder();
        for (String name : unique) {
            if (!part.isEmpty()) {
                part.append('_');
            }
            part.append(name);
            if (bytes(part.toString()) > MAX_BYTES) {
                break;
            }
        }
        return part.toString();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code s} of at most {@code max} UTF-8 bytes. */
    private static String clip(String s, int max) {
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > max) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}
