package dev.underway.exec;

import dev.underway.UnderwayException;
import dev.underway.dialect.TransactionRules;
import dev.underway.observe.MigrationListener;
import dev.underway.plan.Checksums;
import dev.underway.plan.MigrationScript;
import dev.underway.plan.PendingMigration;
import dev.underway.sql.SqlStatement;
import dev.underway.state.HistoryRow;
import dev.underway.state.HistoryTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs one pending migration on one connection and records it in the history table. The
 * only class that executes migration statements.
 */
public final class MigrationExecutor {
    private final Database db;
    private final HistoryTable history;
    private final MigrationListener listener;
    private final String deployId;

    public MigrationExecutor(Database db, HistoryTable history, MigrationListener listener, String deployId) {
        this.db = db;
        this.history = history;
        this.listener = listener;
        this.deployId = deployId;
    }

    public AppliedMigration apply(Connection c, PendingMigration m, ExecutionMode mode) throws SQLException {
        listener.migrationStarting(m, mode == ExecutionMode.TRANSACTIONAL);
        long start = System.nanoTime();
        int executed = mode == ExecutionMode.TRANSACTIONAL ? transactional(c, m, start) : perStatement(c, m, start);
        long ms = millisSince(start);
        listener.migrationApplied(m, ms);
        MigrationScript s = m.script();
        return new AppliedMigration(m.label(), s.description(), s.script(), mode, executed, m.resumeAt(), ms);
    }

    private int transactional(Connection c, PendingMigration m, long start) throws SQLException {
        List<SqlStatement> statements = m.script().sql().statements();
        c.setAutoCommit(false);
        try {
            for (SqlStatement s : statements) {
                execute(c, m, s);
            }
            history.insert(c, row(m, statements.size(), millisSince(start), true));
            c.commit();
            return statements.size();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private int perStatement(Connection c, PendingMigration m, long start) throws SQLException {
        List<SqlStatement> statements = m.script().sql().statements();
        TransactionRules rules = db.dialect().transactions();
        c.setAutoCommit(true);
        int rank = m.previousAttempt() != null
                ? m.previousAttempt().rank()
                : history.insert(c, row(m, 0, 0, false));
        for (int i = m.resumeAt(); i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            int checksum = Checksums.statements(statements, i + 1);
            if (rules.atomicWithProgress(s)) {
                c.setAutoCommit(false);
                try {
                    execute(c, m, s);
                    history.recordProgress(c, rank, i + 1, checksum);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } else {
                execute(c, m, s);
                history.recordProgress(c, rank, i + 1, checksum);
            }
        }
        history.recordSuccess(c, rank, row(m, statements.size(), millisSince(start), true));
        return statements.size() - m.resumeAt();
    }

    private void execute(Connection c, PendingMigration m, SqlStatement s) {
        long t = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(s.sql());
        } catch (SQLException e) {
            String message = m.script().script() + ":" + s.line() + ": " + describe(e);
            listener.migrationFailed(m, s, message);
            throw new StatementFailed(message, e, s);
        }
        listener.statementExecuted(m, s, millisSince(t));
    }

    private HistoryRow row(PendingMigration m, int done, long ms, boolean success) {
        MigrationScript s = m.script();
        return new HistoryRow(0, s.version(), s.description(), HistoryRow.TYPE_SQL, s.script(), s.checksum(),
                db.user(), null, ms, success, deployId, done, Checksums.statements(s.sql().statements(), done), null,
                0, 0);
    }

    /** The server's message with its SQLSTATE, which is what users search for. */
    static String describe(SQLException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return msg + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters; a broken connection rolls back by itself.
        }
    }

    /** A migration statement the server refused; carries the statement for the caller's message. */
    public static final class StatementFailed extends UnderwayException {
        private final transient SqlStatement statement;

        StatementFailed(String message, SQLException cause, SqlStatement statement) {
            super(dev.underway.ErrorCode.FAILED, message, cause);
            this.statement = statement;
        }

        public SqlStatement statement() {
            return statement;
        }
    }
}
