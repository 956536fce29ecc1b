package dev.underway.exec;

import dev.underway.Interruption;
import dev.underway.dialect.ErrorClassifier;
import dev.underway.dialect.postgres.PostgresCopyIn;
import dev.underway.migration.Blocker;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs one planned statement on the migration session: sets its timeouts, watches who blocks
 * it while it waits for a lock, and cleans up after a failed concurrent index build. Failures
 * come out as {@link StatementError}s for the retry decision.
 */
final class StatementRunner {
    private final Database db;
    private final ExecutionSession session;
    private final BlockerWatch watch;
    private final MigrationListener listener;
    private final ErrorClassifier errors;

    StatementRunner(Database db, ExecutionSession session, BlockerWatch watch, MigrationListener listener) {
        this.db = db;
        this.session = session;
        this.watch = watch;
        this.listener = listener;
        this.errors = db.dialect().errors();
    }

    /**
     * @param inTransaction true inside a migration's (or a statement's) transaction
     * @param lockTimeout   the lock timeout in effect: the statement's own, or its transaction's
     */
    void run(PendingMigration m, ExecutableStatement s, boolean inTransaction, Duration lockTimeout)
            throws StatementError {
        SqlStatement source = s.source();
        if (Interruption.process().requested()) {
            throw StatementError.notSent(source);
        }
        long sessionId = setUp(m, s, inTransaction, lockTimeout);
        BlockerWatch.Sampling sampling = lockTimeout == null ? null : watch.start(sessionId, lockTimeout);
        listener.beforeStatement(m, source, session.connection());
        long start = System.nanoTime();
        BlockerWatch.Progress progress = watch.progress(sessionId, start,
                (running, line) -> listener.statementRunning(m, source, running, line));
        try (Statement st = session.connection().createStatement()) {
            st.setEscapeProcessing(false);
            execute(st, s);
        } catch (SQLException e) {
            progress.stop();
            long ms = millisSince(start);
            List<Blocker> blockers = sampling == null ? List.of() : sampling.stop();
            ErrorKind kind = kind(e, s, ms);
            String aftermath = s.concurrentIndex() == null ? "" : afterFailedBuild(m, s, kind);
            throw new StatementError(source, e, kind, StatementError.Phase.STATEMENT, ms, blockers, aftermath);
        }
        progress.stop();
        long ms = millisSince(start);
        if (sampling != null) {
            sampling.stop();
        }
        listener.afterStatement(m, source, session.connection());
        listener.statementExecuted(m, source, ms);
    }

    /** A {@code COPY ... FROM STDIN} carries its rows from the file, which a plain JDBC statement cannot send. */
    private void execute(Statement st, ExecutableStatement s) throws SQLException {
        if (s.source().copyData() != null) {
            PostgresCopyIn.run(session.connection(), s.sql(), s.source().copyData());
        } else {
            st.execute(s.sql());
        }
    }

    /** Everything before the statement is sent; returns the session id to watch. */
    private long setUp(PendingMigration m, ExecutableStatement s, boolean inTransaction, Duration lockTimeout)
            throws StatementError {
        try {
            session.applyTimeouts(lockTimeout, s.statementTimeout(), inTransaction);
            if (s.concurrentIndex() != null) {
                dropInvalidIndex(m, s, "left by an earlier failed or interrupted build of this statement");
            }
            return session.sessionId();
        } catch (SQLException e) {
            throw new StatementError(s.source(), e, errors.classify(e), StatementError.Phase.SETUP, 0, List.of(), "");
        }
    }

    /** MariaDB reports an in-place build stopped by max_statement_time as merely interrupted (1317). */
    private ErrorKind kind(SQLException e, ExecutableStatement s, long ms) {
        ErrorKind kind = errors.classify(e);
        Duration limit = s.statementTimeout();
        if (kind == ErrorKind.CANCELED && limit != null && !limit.isZero() && ms >= limit.toMillis() * 9 / 10) {
            return ErrorKind.STATEMENT_TIMEOUT;
        }
        return kind;
    }

    /** A failed concurrent build leaves an INVALID index behind: drop it now, or say why not. */
    private String afterFailedBuild(PendingMigration m, ExecutableStatement s, ErrorKind kind) {
        String index = s.concurrentIndex().name();
        if (kind == ErrorKind.CONNECTION || Interruption.process().requested()) {
            // On a stop request too: dropping concurrently may wait for other transactions; the next run drops it.
            return " The INVALID index " + index + " it may have left behind is dropped when migrate runs again.";
        }
        try {
            // The failed statement's own timeouts (perhaps the one that just expired) must not stop the cleanup.
            session.applyTimeouts(null, null, false);
            return dropInvalidIndex(m, s, "left by this failed build")
                    .map(name -> " The INVALID index " + name + " it left behind was dropped.").orElse("");
        } catch (SQLException e) {
            return " It left the INVALID index " + index + " behind, and dropping it failed ("
                    + MigrationExecutor.describe(e) + "); run the same command again to drop it and retry, or drop it with"
                    + " DROP INDEX CONCURRENTLY IF EXISTS.";
        }
    }

    private Optional<String> dropInvalidIndex(PendingMigration m, ExecutableStatement s, String why)
            throws SQLException {
        Optional<String> dropped = db.dialect().concurrentIndexes().dropIfInvalid(session.connection(), s.concurrentIndex());
        dropped.ifPresent(name -> {
            listener.invalidIndexDropped(m, name, why);
            OnlineLog.LOG.info("{}:{}: dropped the INVALID index {} {}", m.script().script(), s.source().line(), name, why);
        });
        return dropped;
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
