package dev.underway.observe;

import dev.underway.migration.Blocker;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.report.Finding;

import java.sql.Connection;
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

    /** migrate holds the lock and is about to apply {@code pending} migrations to {@code targetSchema}. */
    default void migrating(String database, String targetSchema, int pending) { }

    default void migrationStarting(PendingMigration migration, boolean transactional) { }

    default void statementExecuted(PendingMigration migration, SqlStatement statement, long millis) { }

    /**
     * Right before a statement (of a migration or an expand/contract action) is sent, with the session that runs
     * it, inside its transaction when it has one. For observers that read the session's own state (a rehearsal
     * reads the locks of its backend and the tables' storage); they must not change anything, and a query that
     * fails here aborts the statement's transaction.
     */
    default void beforeStatement(PendingMigration migration, SqlStatement statement, Connection session) { }

    /**
     * A statement has run for a few seconds: what the server reports about it (its progress where the server
     * measures it, otherwise its state or what it waits for), every few seconds until it ends. Called from
     * another thread while the statement runs.
     */
    default void statementRunning(PendingMigration migration, SqlStatement statement, Duration running,
                                  String progress) { }

    /** Right after a statement succeeded, on its session, before its transaction (if any) commits. */
    default void afterStatement(PendingMigration migration, SqlStatement statement, Connection session) { }

    default void migrationApplied(PendingMigration migration, long millis) { }

    default void migrationFailed(PendingMigration migration, SqlStatement statement, String message) { }

    /**
     * A statement (or a migration's transaction) failed in a way worth retrying: a lock
     * timeout, a deadlock, a serialization failure, a lost connection. Called for every such
     * attempt, including the last one when Underway gives up.
     */
    default void attemptFailed(PendingMigration migration, RetryAttempt attempt) { }

    /** Underway cancelled ({@code terminated} false) or ended a session that blocked while idle in a transaction. */
    default void blockerEnded(PendingMigration migration, Blocker blocker, boolean terminated) { }

    /** An INVALID index left behind by a failed concurrent build was dropped; {@code why} says which build. */
    default void invalidIndexDropped(PendingMigration migration, String index, String why) { }

    /** The migration connection was lost between statements and opened again; the run continues. */
    default void reconnected(String reason) { }
}
