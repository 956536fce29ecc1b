package dev.underway.op;

import dev.underway.Reason;
import java.nio.charset.StandardCharsets;

/**
 * The names Underway gives what it creates: version schemas, the hidden columns that carry a
 * new shape, sync triggers and their functions, the NOT NULL checks. All fit PostgreSQL's
 * 63-byte identifiers; one place so start, complete and rollback agree.
 */
public final class Names {
    static final String PREFIX = "_uw_";
    private static final int MAX = 63;

    private Names() {
    }

    /** {@code public} + {@code 2.1} → {@code public_v2_1}. */
    public static String versionSchema(String schema, String version) {
        return fit(schema + "_v" + version.replace('.', '_'));
    }

    /**
     * pgroll's {@code version_schema: name} → {@code <schema>_<name>}, as pgroll names it. A name that does
     * not fit 63 bytes is refused rather than cut: the application puts it in its {@code search_path}.
     */
    static String namedVersionSchema(String file, String schema, String name) {
        String full = schema + "_" + name;
        if (full.getBytes(StandardCharsets.UTF_8).length > MAX) {
            throw dev.underway.UnderwayException.of(Reason.BAD_FILE, file + ": version_schema '" + name + "' names the version schema "
                    + full + ", longer than PostgreSQL's " + MAX + " bytes; choose a shorter name");
        }
        return full;
    }

    /** The column that holds a changed column's new shape until complete renames it. */
    static String newColumn(String column) {
        return fit(PREFIX + column);
    }

    static boolean hidden(String column) {
        return column.startsWith(PREFIX);
    }

    /** The NOT NULL check of a column (a copy is named after the column it carries). */
    static String notNullCheck(String table, String column) {
        String named = hidden(column) ? column.substring(PREFIX.length()) : column;
        return fit(PREFIX + table + "_" + named + "_not_null");
    }

    static String syncFunction(String table) {
        return fit(PREFIX + "sync_" + table);
    }

    static String syncTrigger(String version) {
        return fit(PREFIX + "sync_v" + version.replace('.', '_'));
    }

    /** Truncates to 63 bytes on a character boundary, as PostgreSQL would (but predictably). */
    static String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX) {
            return name;
        }
        StringBuilder b = new StringBuilder();
        for (int cp : name.codePoints().toArray()) {
            String next = b + new String(Character.toChars(cp));
            if (next.getBytes(StandardCharsets.UTF_8).length > MAX) {
                break;
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }
}
