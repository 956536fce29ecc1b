package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.SessionTimeouts;
import dev.underway.observe.MigrationListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The connection migrations run on, which can be replaced when it is lost between statements,
 * and the timeouts currently set on it (so unchanged timeouts cost no round trip).
 */
final class ExecutionSession implements AutoCloseable {
    private final Database db;
    private final BooleanSupplier lockHeld;
    private final MigrationListener listener;
    private final SessionTimeouts timeouts;
    private Connection connection;
    private long sessionId = -1;
    /** What the session level holds, and what applies right now (differs inside a transaction). */
    private Duration[] sessionLevel = {null, null};
    private Duration[] current = sessionLevel;

    ExecutionSession(Database db, Connection connection, BooleanSupplier lockHeld, MigrationListener listener) {
        this.db = db;
        this.connection = connection;
        this.lockHeld = lockHeld;
        this.listener = listener;
        this.timeouts = db.dialect().sessionTimeouts();
    }

    Connection connection() {
        return connection;
    }

    /** The server's id of this session, for blocker lookups. */
    long sessionId() throws SQLException {
        if (sessionId < 0) {
            sessionId = db.dialect().blockers().sessionId(connection);
        }
        return sessionId;
    }

    /** The lock timeout the server really applies for a requested one (MySQL counts whole seconds). */
    Duration effectiveLockTimeout(Duration requested) {
        return timeouts.effectiveLockTimeout(requested);
    }

    /** Sets the timeouts for what runs next, unless they are already in effect. */
    void applyTimeouts(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) throws SQLException {
        Duration[] wanted = {lockTimeout, statementTimeout};
        if (Objects.equals(wanted[0], current[0]) && Objects.equals(wanted[1], current[1])) {
            return;
        }
        timeouts.set(connection, lockTimeout, statementTimeout, inTransaction);
        current = wanted;
        if (!inTransaction || !timeouts.transactionScoped()) {
            sessionLevel = wanted;
        }
    }

    /** Transaction-scoped timeouts end with the transaction. */
    void transactionEnded() {
        current = sessionLevel;
    }

    /** Replaces the connection when it was lost while idle; a statement is never sent on a dead one. */
    void ensureAlive() {
        boolean alive;
        try {
            alive = connection.isValid(10);
        } catch (SQLException e) {
            alive = false;
        }
        if (!alive) {
            reconnect("the connection was found closed before the next statement");
        }
    }

    /**
     * Opens a new connection after the old one was lost. Refused when the migration lock's own
     * session is gone too: then another process may already be migrating.
     */
    void reconnect(String reason) {
        closeQuietly();
        if (!lockHeld.getAsBoolean()) {
            throw UnderwayException.of(Reason.CONNECTION_LOST, "lost the connection to " + db.settings().redactedUrl() + " (" + reason
                    + ") and the migration lock with it; run the same command again once the database is reachable", null);
        }
        try {
            connection = db.open();
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.CONNECTION_LOST, "lost the connection to " + db.settings().redactedUrl() + " (" + reason
                    + ") and could not reconnect: " + db.settings().describe(e) + ". Run the same command again once the"
                    + " database is reachable: it resumes where it stopped", e);
        }
        sessionId = -1;
        sessionLevel = new Duration[] {null, null};
        current = sessionLevel;
        listener.reconnected(reason);
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // It is already broken; closing only frees the client side.
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
