package dev.underway.op;

import dev.underway.dialect.Blocker;
import dev.underway.lint.Finding;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.RetryAttempt;
import dev.underway.plan.PendingMigration;
import dev.underway.sql.SqlStatement;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/** Passes every event on except lint findings, which were reported once already for the whole directory. */
record WithoutLintFindings(MigrationListener to) implements MigrationListener {
    @Override
    public void waitingForLock(String lockName, String holder, Duration waited) {
        to.waitingForLock(lockName, holder, waited);
    }

    @Override
    public void lintFindings(List<Finding> findings) {
        // reported before the first segment ran
    }

    @Override
    public void migrating(String database, String targetSchema, int pending) {
        to.migrating(database, targetSchema, pending);
    }

    @Override
    public void migrationStarting(PendingMigration migration, boolean transactional) {
        to.migrationStarting(migration, transactional);
    }

    @Override
    public void statementExecuted(PendingMigration migration, SqlStatement statement, long millis) {
        to.statementExecuted(migration, statement, millis);
    }

    @Override
    public void beforeStatement(PendingMigration migration, SqlStatement statement, Connection session) {
        to.beforeStatement(migration, statement, session);
    }

    @Override
    public void statementRunning(PendingMigration migration, SqlStatement statement, Duration running,
                                 String progress) {
        to.statementRunning(migration, statement, running, progress);
    }

    @Override
    public void afterStatement(PendingMigration migration, SqlStatement statement, Connection session) {
        to.afterStatement(migration, statement, session);
    }

    @Override
    public void migrationApplied(PendingMigration migration, long millis) {
        to.migrationApplied(migration, millis);
    }

    @Override
    public void migrationFailed(PendingMigration migration, SqlStatement statement, String message) {
        to.migrationFailed(migration, statement, message);
    }

    @Override
    public void attemptFailed(PendingMigration migration, RetryAttempt attempt) {
        to.attemptFailed(migration, attempt);
    }

    @Override
    public void blockerEnded(PendingMigration migration, Blocker blocker, boolean terminated) {
        to.blockerEnded(migration, blocker, terminated);
    }

    @Override
    public void invalidIndexDropped(PendingMigration migration, String index, String why) {
        to.invalidIndexDropped(migration, index, why);
    }

    @Override
    public void reconnected(String reason) {
        to.reconnected(reason);
    }
}
