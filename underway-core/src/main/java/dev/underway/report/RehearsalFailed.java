package dev.underway.report;

import dev.underway.UnderwayException;

/**
 * A rehearsed migration failed: the failure (its reason, details and message) with the report up to that point, the
 * failing statement's error included.
 */
public final class RehearsalFailed extends UnderwayException {
    private final transient RehearsalReport report;

    /**
     * @param cause  the failure of the rehearsed migration
     * @param report the rehearsal up to and including the failing statement
     */
    public RehearsalFailed(UnderwayException cause, RehearsalReport report) {
        super(cause, "");
        this.report = report;
    }

    /** The rehearsal up to and including the failing statement. */
    public RehearsalReport report() {
        return report;
    }
}
