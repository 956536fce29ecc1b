package dev.underway.migration;


/** Where a named backfill stands, as the {@code status} column of the backfill state table stores it. */
public enum BackfillStatus implements StoredText {
    /** Running now, or killed with SIGKILL (nothing could record otherwise). */
    RUNNING("running"),
    /** Waiting: paused by a throttle or by {@code backfill --pause}. */
    PAUSED("paused"),
    DONE("done"),
    FAILED("failed"),
    /** Stopped by SIGINT/SIGTERM. */
    INTERRUPTED("interrupted"),
    /** Catch-up passes kept finding rows the application changed. */
    NOT_CONVERGED("not converged");

    private final String text;

    BackfillStatus(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
