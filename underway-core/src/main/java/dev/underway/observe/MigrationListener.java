package dev.underway.observe;

import dev.underway.lint.Finding;
import dev.underway.plan.PendingMigration;
import dev.underway.sql.SqlStatement;

import java.time.Duration;
import java.util.List;

/**
 * Receives what the executor does, as it happens. The CLI prints from it; library users may
 * log or meter from it. Every method has a no-op default.
 */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() { };

    /** Another process holds the migration lock; called now and then while waiting. */
    default void waitingForLock(String lockName, String holder, Duration waited) { }

    /** The lint gate's findings on the pending migrations (errors only when migrate runs with --unsafe). */
    default void lintFindings(List<Finding> findings) { }

    default void migrationStarting(PendingMigration migration, boolean transactional) { }

    default void statementExecuted(PendingMigration migration, SqlStatement statement, long millis) { }

    default void migrationApplied(PendingMigration migration, long millis) { }

    default void migrationFailed(PendingMigration migration, SqlStatement statement, String message) { }
}
