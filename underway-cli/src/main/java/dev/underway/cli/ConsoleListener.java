package dev.underway.cli;

import dev.underway.config.Durations;
import dev.underway.lint.Finding;
import dev.underway.observe.MigrationListener;
import dev.underway.plan.PendingMigration;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Progress for humans: lock waits on stderr, one line per applied migration on {@code applied}. */
final class ConsoleListener implements MigrationListener {
    private final PrintWriter err;
    private final PrintWriter applied;

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
    public void migrationApplied(PendingMigration m, long millis) {
        int ran = m.script().sql().statements().size() - m.resumeAt();
        applied.println("Applied " + m.script().name().title() + " (" + m.script().script()
                + "): " + ran + (ran == 1 ? " statement" : " statements") + " in " + millis + " ms"
                + (m.resumeAt() > 0 ? ", resumed at statement " + (m.resumeAt() + 1) : ""));
        applied.flush();
    }
}
