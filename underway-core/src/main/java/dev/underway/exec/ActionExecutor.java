package dev.underway.exec;

import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.PendingMigration;
import dev.underway.observe.MigrationListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs the actions of an expand/contract phase through the same machinery as migrate (short
 * lock timeouts, retries with backoff, blocker reports, INVALID index cleanup), each together
 * with the record of its progress: a transactional action commits with its progress, and a
 * statement that cannot run in a transaction records its progress right after it ran.
 */
public final class ActionExecutor implements AutoCloseable {
    /** Writes progress on the connection the action ran on. */
    public interface Progress {
        void record(Connection c) throws SQLException;
    }

    private final Database db;
    private final OnlineExecution online;
    private final ExecutionSession session;
    private final BlockerWatch watch;
    private final GuardedStatements guarded;
    private final LockTimeoutRetry.Totals totals = new LockTimeoutRetry.Totals(0, 0);

    public ActionExecutor(Database db, MigrationLock lock, OnlineExecution online, MigrationListener listener)
            throws SQLException {
        this.db = db;
        this.online = online;
        this.session = new ExecutionSession(db, db.open(), lock::isHeld, listener);
        this.watch = new BlockerWatch(db);
        this.guarded = new GuardedStatements(db, session, watch, listener, online);
    }

    /** The session's connection, for reads and state writes between actions. */
    public Connection connection() {
        return session.connection();
    }

    /** Guards every statement of a phase the way migrate would (timeouts from each statement's verdict). */
    public List<ExecutableStatement> plan(MigrationScript script) {
        StatementPlanner planner = new StatementPlanner(db.dialect(), online);
        return script.sql().statements().stream().map(planner::planAlone).toList();
    }

    /** Statements in one transaction, committed with their progress; retried as a whole after a lock timeout. */
    public void inTransaction(PendingMigration m, List<ExecutableStatement> statements, Progress progress) {
        if (statements.isEmpty()) {
            record(progress);
            return;
        }
        guarded.inTransaction(m, statements, totals, progress::record);
    }

    /** A statement that cannot run in a transaction; then its progress. It must be safe to repeat (IF [NOT] EXISTS). */
    public void alone(PendingMigration m, ExecutableStatement s, Progress progress) {
        guarded.alone(m, s, totals);
        record(progress);
    }

    /** Progress of work done elsewhere (a backfill). */
    public void record(Progress progress) {
        SessionTransaction.record(db, session, "recording progress", c -> {
            progress.record(c);
            return 0;
        });
    }

    /** Retries after lock timeouts and their total wait so far. */
    public int retries() {
        return totals.retries;
    }

    public long lockWaitMs() {
        return totals.lockWaitMs;
    }

    @Override
    public void close() {
        watch.close();
        session.close();
    }
}
