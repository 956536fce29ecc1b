package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.migration.Blocker;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.RetryAttempt;
import dev.underway.report.Finding;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Progress for humans: lock waits, retries, what was done about blockers and what long
 * statements are doing on stderr; a line before and after each migration on {@code applied}.
 */
final class ConsoleListener implements MigrationListener {
    private final PrintWriter err;
    private final PrintWriter applied;
    private volatile String schema;

    ConsoleListener(PrintWriter err, PrintWriter applied) {
        this.err = err;
        this.applied = applied;
    }

    @Override
    public void waitingForLock(String lockName, String holder, Duration waited) {
        err.println("Waiting for the migration lock " + lockName + " held by " + holder + " ("
                + Durations.format(Duration.ofSeconds(waited.toSeconds())) + " so far)");
        err.flush();
    }

    @Override
    public void lintFindings(List<Finding> findings) {
        for (Finding f : findings) {
            err.println("lint: " + f.headline());
        }
        err.flush();
    }

    @Override
    public void migrating(String database, String targetSchema, int pending) {
        schema = targetSchema;
    }

    @Override
    public void migrationStarting(PendingMigration m, boolean transactional) {
        MigrationScript s = m.script();
        String what = s.isVersioned() ? "to version " + s.version() : "with repeatable migration";
        applied.println("Migrating " + (schema == null ? "" : "schema " + schema + " ") + what + " \u2014 " + s.script()
                + (m.resumeAt() > 0 ? " (resuming at statement " + (m.resumeAt() + 1) + ")" : ""));
        applied.flush();
    }

    @Override
    public void statementRunning(PendingMigration m, SqlStatement statement, Duration running, String progress) {
        err.println("  " + m.script().script() + ":" + statement.line() + " running for "
                + Durations.approximate(running) + ": " + progress);
        err.flush();
    }

    @Override
    public void migrationApplied(PendingMigration m, long millis) {
        int ran = m.script().sql().statements().size() - m.resumeAt();
        applied.println("Applied " + m.script().name().title() + " (" + m.script().script()
                + "): " + ran + (ran == 1 ? " statement" : " statements") + " in " + millis + " ms"
                + (m.resumeAt() > 0 ? ", resumed at statement " + (m.resumeAt() + 1) : ""));
        applied.flush();
    }

    @Override
    public void attemptFailed(PendingMigration m, RetryAttempt attempt) {
        err.println(attempt.describe());
        err.flush();
    }

    @Override
    public void blockerEnded(PendingMigration m, Blocker blocker, boolean terminated) {
        err.println((terminated ? "Terminated " : "Cancelled the query of ") + blocker.describe() + ": it blocked "
                + m.script().script() + " while idle in a transaction");
        err.flush();
    }

    @Override
    public void invalidIndexDropped(PendingMigration m, String index, String why) {
        err.println(m.script().script() + ": dropped the INVALID index " + index + " " + why);
        err.flush();
    }

    @Override
    public void reconnected(String reason) {
        err.println("Reconnected to the database: " + reason);
        err.flush();
    }
}
