package dev.underway;

import dev.underway.migration.Blocker;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.RetryAttempt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the executor's online events for assertions; safe to read from the test thread while migrate runs. */
class RecordingListener implements MigrationListener {
    final List<RetryAttempt> attempts = new CopyOnWriteArrayList<>();
    /** {@code cancelled <id>} or {@code terminated <id>}. */
    final List<String> ended = new CopyOnWriteArrayList<>();
    final List<String> droppedIndexes = new CopyOnWriteArrayList<>();
    final List<String> reconnects = new CopyOnWriteArrayList<>();
    /** {@code <script>:<line> after <ms>: <what the server reports>}. */
    final List<String> running = new CopyOnWriteArrayList<>();

    @Override
    public void attemptFailed(PendingMigration migration, RetryAttempt attempt) {
        attempts.add(attempt);
    }

    @Override
    public void blockerEnded(PendingMigration migration, Blocker blocker, boolean terminated) {
        ended.add((terminated ? "terminated " : "cancelled ") + blocker.id());
    }

    @Override
    public void invalidIndexDropped(PendingMigration migration, String index, String why) {
        droppedIndexes.add(index + " " + why);
    }

    @Override
    public void statementRunning(PendingMigration migration, SqlStatement statement, Duration running, String progress) {
        this.running.add(migration.script().script() + ":" + statement.line() + " after " + running.toMillis() + ": " + progress);
    }

    @Override
    public void reconnected(String reason) {
        reconnects.add(reason);
    }
}
