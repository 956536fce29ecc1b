package dev.underway.migration;

/** The phase of a declarative migration that a history row records ({@code phase} column; SQL rows have none). */
public enum HistoryPhase implements StoredText {
    START("start"),
    COMPLETE("complete"),
    /** A rollback run (its row's {@code success} is false). */
    ROLLBACK("rollback"),
    /** A start or complete row of a migration rolled back later: it no longer counts as applied. */
    ROLLED_BACK("rolled back");

    private final String text;

    HistoryPhase(String text) {
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
