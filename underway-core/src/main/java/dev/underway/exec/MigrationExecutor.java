package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.Redaction;
import dev.underway.dialect.TransactionRules;
import dev.underway.migration.AppliedMigration;
import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.PlannedMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import dev.underway.plan.Checksums;
import dev.underway.state.HistoryTable;

import java.sql.SQLException;
import java.util.List;

/**
 * Runs one planned migration and records it in the history table: the only class that
 * executes migration statements. A transactional migration is retried as a whole (a lock
 * timeout aborts the transaction, and waiting while holding the locks of earlier statements
 * would block the application); a statement-by-statement migration retries the statement.
 */
public final class MigrationExecutor {
    private final Database db;
    private final HistoryTable history;
    private final MigrationListener listener;
    private final String deployId;
    private final ExecutionSession session;
    private final GuardedStatements guarded;

    MigrationExecutor(Database db, HistoryTable history, MigrationListener listener, String deployId,
                      ExecutionSession session, BlockerWatch watch, OnlineExecution online) {
        this.db = db;
        this.history = history;
        this.listener = listener;
        this.deployId = deployId;
        this.session = session;
        this.guarded = new GuardedStatements(db, session, watch, listener, online);
    }

    public AppliedMigration apply(PlannedMigration p) {
        PendingMigration m = p.pending();
        listener.migrationStarting(m, p.mode() == ExecutionMode.TRANSACTIONAL);
        long start = System.nanoTime();
        HistoryRow previous = m.previousAttempt();
        LockTimeoutRetry.Totals totals = previous == null ? new LockTimeoutRetry.Totals(0, 0)
                : new LockTimeoutRetry.Totals(previous.retries(), previous.lockWaitMs());
        int executed = p.mode() == ExecutionMode.TRANSACTIONAL ? transactional(p, totals, start)
                : perStatement(p, totals, start);
        long ms = StatementRunner.millisSince(start);
        listener.migrationApplied(m, ms);
        MigrationScript s = m.script();
        return new AppliedMigration(m.label(), s.description(), s.script(), p.mode(), executed, m.resumeAt(), ms,
                totals.retries, totals.lockWaitMs);
    }

    private int transactional(PlannedMigration p, LockTimeoutRetry.Totals totals, long start) {
        PendingMigration m = p.pending();
        List<ExecutableStatement> statements = p.statements();
        guarded.inTransaction(m, statements, totals, c -> history.insert(c,
                row(m, statements.size(), StatementRunner.millisSince(start), true, totals)));
        return statements.size();
    }

    private int perStatement(PlannedMigration p, LockTimeoutRetry.Totals totals, long start) {
        PendingMigration m = p.pending();
        List<ExecutableStatement> statements = p.statements();
        List<SqlStatement> sources = m.script().sql().statements();
        TransactionRules rules = db.dialect().transactions();
        int rank = m.previousAttempt() != null ? m.previousAttempt().rank()
                : record("starting " + m.label(), c -> history.insert(c, row(m, 0, 0, false, totals)));
        for (int i = m.resumeAt(); i < statements.size(); i++) {
            ExecutableStatement s = statements.get(i);
            int done = i + 1;
            int checksum = Checksums.statements(sources, done);
            try {
                if (rules.atomicWithProgress(s.source())) {
                    // The statement commits together with its progress record, so any failure before commit is retryable.
                    guarded.inTransaction(m, List.of(s), totals,
                            c -> history.recordProgress(c, rank, done, checksum, totals.retries, totals.lockWaitMs));
                } else {
                    guarded.alone(m, s, totals);
                    // It ran; recording that is safe to repeat on a new connection.
                    record("recording that " + m.script().script() + ":" + s.source().line() + " ran", c -> {
                        history.recordProgress(c, rank, done, checksum, totals.retries, totals.lockWaitMs);
                        return done;
                    });
                }
            } catch (StatementFailed e) {
                recordQuietly(c -> {
                    history.recordProgress(c, rank, done - 1, Checksums.statements(sources, done - 1),
                            totals.retries, totals.lockWaitMs);
                    return rank;
                });
                throw e;
            }
        }
        record("recording " + m.label() + " as applied", c -> {
            history.recordSuccess(c, rank, row(m, statements.size(), StatementRunner.millisSince(start), true, totals));
            return rank;
        });
        return statements.size() - m.resumeAt();
    }

    private interface HistoryWork extends SessionTransaction.Write {
    }

    /** A history write outside a migration's transaction: repeated once on a new connection if the old one is lost. */
    private int record(String doing, HistoryWork work) {
        return SessionTransaction.record(db, session, doing, work);
    }

    private void recordQuietly(HistoryWork work) {
        try {
            work.run(session.connection());
        } catch (SQLException ignored) {
            // Only the retry counters are lost; the progress recorded before stands.
        }
    }

    private HistoryRow row(PendingMigration m, int done, long ms, boolean success, LockTimeoutRetry.Totals totals) {
        MigrationScript s = m.script();
        return new HistoryRow(0, s.version(), s.description(), HistoryRow.TYPE_SQL, s.script(), s.checksum(),
                db.user(), null, ms, success, deployId, done, Checksums.statements(s.sql().statements(), done), null,
                totals.retries, totals.lockWaitMs);
    }

    /** The server's message for a statement's failure and its SQLSTATE (statement errors carry no connection secrets). */
    public static String describe(SQLException e) {
        return Redaction.describe(e, List.of());
    }

    /** A migration statement the server refused (or that could not get its lock); carries the statement for the caller's message. */
    public static final class StatementFailed extends UnderwayException {
        private final String script;
        private final transient SqlStatement statement;
        private final boolean statementAtFault;

        StatementFailed(Reason reason, String message, SQLException cause, String script, SqlStatement statement,
                        boolean statementAtFault) {
            super(reason, message, cause);
            this.script = script;
            this.statement = statement;
            this.statementAtFault = statementAtFault;
        }

        /** The migration file the statement is in, relative to the directory. */
        public String script() {
            return script;
        }

        public SqlStatement statement() {
            return statement;
        }

        /** False when the statement itself is fine and running migrate again may well succeed (a lock or connection problem). */
        public boolean statementAtFault() {
            return statementAtFault;
        }
    }
}
