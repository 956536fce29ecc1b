package dev.underway.migration;


/**
 * A migration the next migrate will run.
 *
 * @param previousAttempt the failed row to resume, or null for a first run
 * @param resumeAt        index of the first statement to run (0 for a first run)
 */
public record PendingMigration(MigrationScript script, HistoryRow previousAttempt, int resumeAt) {

    public String label() {
        return script.name().label();
    }
}
