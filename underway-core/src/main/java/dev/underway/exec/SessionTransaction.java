package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Runs work in one transaction on the execution session; failures outside statements are classified by phase. */
final class SessionTransaction {
    interface Work {
        void run(Connection c) throws SQLException, StatementError;
    }

    interface Write {
        int run(Connection c) throws SQLException;
    }

    private SessionTransaction() {
    }

    /** A state write outside a transaction: repeated once on a new connection if the old one is lost. */
    static int record(Database db, ExecutionSession session, String doing, Write work) {
        try {
            return work.run(session.connection());
        } catch (SQLException e) {
            if (db.dialect().errors().classify(e) != ErrorKind.CONNECTION) {
                throw UnderwayException.of(Reason.DATABASE_ERROR, "database error while " + doing + ": " + MigrationExecutor.describe(e), e);
            }
            session.reconnect("lost while " + doing);
            try {
                return work.run(session.connection());
            } catch (SQLException again) {
                throw UnderwayException.of(Reason.DATABASE_ERROR, "database error while " + doing + ": "
                        + MigrationExecutor.describe(again), again);
            }
        }
    }

    /** @param statement the statement failures are reported against */
    static void run(Database db, ExecutionSession session, SqlStatement statement, Work work) throws StatementError {
        Connection c = session.connection();
        try {
            try {
                c.setAutoCommit(false);
                work.run(c);
            } catch (SQLException e) {
                throw error(db, statement, e, StatementError.Phase.STATEMENT);
            }
            try {
                c.commit();
            } catch (SQLException e) {
                throw error(db, statement, e, StatementError.Phase.COMMIT);
            }
        } catch (StatementError | RuntimeException e) {
            // Before autocommit is switched back on, which would commit whatever the work left open.
            rollbackQuietly(c);
            throw e;
        } finally {
            session.transactionEnded();
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // A broken connection is replaced before the next attempt.
            }
        }
    }

    private static StatementError error(Database db, SqlStatement statement, SQLException e, StatementError.Phase phase) {
        ErrorKind kind = db.dialect().errors().classify(e);
        return new StatementError(statement, e, kind, phase, 0, List.of(), "");
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters; a broken connection rolls back by itself.
        }
    }
}
