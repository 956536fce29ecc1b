package dev.underway.op;

/** The three phases of an expand/contract migration. */
public enum Phase {
    /** Expand: the new shape next to the old one, kept in sync. */
    START,
    /** Contract: validate, then remove the old shape. */
    COMPLETE,
    /** Undo start; the old version keeps working throughout. */
    ROLLBACK;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
