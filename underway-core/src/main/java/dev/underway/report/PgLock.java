package dev.underway.report;

import java.util.Locale;

/** PostgreSQL's table-level lock modes, weakest first, with the manual's conflict table. */
public enum PgLock {
    ACCESS_SHARE,
    ROW_SHARE,
    ROW_EXCLUSIVE,
    SHARE_UPDATE_EXCLUSIVE,
    SHARE,
    SHARE_ROW_EXCLUSIVE,
    EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** Rows: this mode; columns: the other mode, in declaration order (manual, "Conflicting Lock Modes"). */
    private static final String[] CONFLICTS = {
        "00000001",
        "00000011",
        "00001111",
        "00011111",
        "00110111",
        "00111111",
        "01111111",
        "11111111",
    };

    public boolean conflictsWith(PgLock other) {
        return CONFLICTS[ordinal()].charAt(other.ordinal()) == '1';
    }

    /** Blocks SELECT (which takes ACCESS SHARE). */
    public boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    /** Blocks INSERT/UPDATE/DELETE (which take ROW EXCLUSIVE). */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    /** Stronger than SHARE UPDATE EXCLUSIVE: it conflicts with ordinary reads or writes, so it must not queue for long. */
    public boolean isStrong() {
        return compareTo(SHARE_UPDATE_EXCLUSIVE) > 0;
    }

    /** {@code ACCESS EXCLUSIVE}, as the manual writes it. */
    public String label() {
        return name().replace('_', ' ');
    }

    /** From {@code pg_locks.mode} ({@code AccessExclusiveLock}). */
    public static PgLock fromPgLocks(String mode) {
        String snake = mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return valueOf(snake);
    }

    /** From a label as written in LOCK TABLE or a corpus ({@code SHARE ROW EXCLUSIVE}). */
    public static PgLock fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    public static PgLock max(PgLock a, PgLock b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
