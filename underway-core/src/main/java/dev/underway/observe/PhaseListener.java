package dev.underway.observe;

/** Progress of an expand/contract phase (start, complete, rollback), action by action. No-op by default. */
public interface PhaseListener {
    PhaseListener NONE = new PhaseListener() { };

    /** @param number 1-based action number, as {@code --dry-run} prints it */
    default void actionStarting(String migration, String phase, int number, int total, String description) {
    }

    default void actionFinished(String migration, String phase, int number, int total, long millis) {
    }
}
