package dev.underway.migration;

import java.util.Locale;

/** Where a migration stands, comparing the directory with the history table. */
public enum MigrationState {
    /** Not applied yet; will be applied by the next migrate. */
    PENDING,
    /** Applied successfully. */
    APPLIED,
    /** An attempt failed part-way; the next migrate resumes it. */
    FAILED,
    /** A repeatable migration whose file changed since it last ran; the next migrate re-applies it. */
    OUTDATED,
    /** Applied, but its file is gone from the directory. */
    MISSING,
    /** Not applied and will not be: below the baseline, or older than the latest applied version without --out-of-order. */
    IGNORED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
