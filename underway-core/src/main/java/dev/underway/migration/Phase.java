package dev.underway.migration;


/** The three phases of an expand/contract migration. */
public enum Phase {
    /** Expand: the new shape next to the old one, kept in sync. */
    START,
    /** Contract: validate, then remove the old shape. */
    COMPLETE,
    /** Undo start; the old version keeps working throughout. */
    ROLLBACK;

    /** How the history table records a run of this phase. */
    public HistoryPhase history() {
        return switch (this) {
            case START -> HistoryPhase.START;
            case COMPLETE -> HistoryPhase.COMPLETE;
            case ROLLBACK -> HistoryPhase.ROLLBACK;
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
