package dev.underway.exec;

import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.PendingMigration;
import dev.underway.observe.MigrationListener;

import java.util.List;

/**
 * The one way planned statements run, for SQL migrations and expand/contract phase actions alike: in one
 * transaction together with a write that must commit with them (a history row, a progress record), retried as a
 * whole after a lock timeout under the lock timeout of {@link ExecutableStatement#inOneTransaction}; or one
 * statement alone, outside a transaction, retried by itself.
 */
final class GuardedStatements {
    /** What commits together with the statements, on their connection. */
    interface Commit {
        void run(java.sql.Connection c) throws java.sql.SQLException;
    }

    private final Database db;
    private final ExecutionSession session;
    private final StatementRunner runner;
    private final LockTimeoutRetry retry;

    GuardedStatements(Database db, ExecutionSession session, BlockerWatch watch, MigrationListener listener,
                      OnlineExecution online) {
        this.db = db;
        this.session = session;
        this.runner = new StatementRunner(db, session, watch, listener);
        this.retry = new LockTimeoutRetry(online, session, watch, listener);
    }

    /** The statements (at least one) in one transaction with {@code commit}; retried as a whole after a lock timeout. */
    void inTransaction(PendingMigration m, List<ExecutableStatement> statements, LockTimeoutRetry.Totals totals,
                       Commit commit) {
        retry.run(m, LockTimeoutRetry.Scope.TRANSACTION, totals, ExecutableStatement.inOneTransaction(statements),
                attempt -> SessionTransaction.run(db, session, statements.get(statements.size() - 1).source(), c -> {
                    for (ExecutableStatement s : statements) {
                        runner.run(m, s, true, attempt);
                    }
                    commit.run(c);
                }));
    }

    /** A statement that cannot run in a transaction, on a live connection; retried by itself after a lock timeout. */
    void alone(PendingMigration m, ExecutableStatement s, LockTimeoutRetry.Totals totals) {
        retry.run(m, LockTimeoutRetry.Scope.STATEMENT, totals, s.lockTimeout(), attempt -> {
            session.ensureAlive();
            runner.run(m, s, false, attempt);
        });
    }
}
