package dev.underway.report;

/** What one application query does: a point read by key, an insert of a new row, an update of one row by key. */
public enum QueryKind {
    READ, INSERT, UPDATE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
