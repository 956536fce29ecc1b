package dev.underway.migration;


/**
 * Where an in-flight expand/contract migration stands, as the {@code phase} column of
 * {@code underway.operations} stores it.
 */
public enum FlightPhase implements StoredText {
    /** Start is running or was interrupted. */
    START("start"),
    /** Start finished: both versions work; complete or rollback comes next. */
    STARTED("started"),
    /** Complete is running, was interrupted or stopped by a failure. */
    COMPLETE("complete"),
    /** Rollback is running, was interrupted or stopped by a failure. */
    ROLLBACK("rollback");

    private final String text;

    FlightPhase(String text) {
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
