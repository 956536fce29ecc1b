package dev.underway.dialect;

import dev.underway.migration.Blocker;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Who keeps a session waiting for a lock, and ending such sessions when they sit idle in a
 * transaction. Asked from a second connection while Underway's statement still waits, because
 * once the lock timeout has hit, the waits-for relation is gone.
 */
public interface Blockers {
    /** The server's id of the session on {@code c}. */
    long sessionId(Connection c) throws SQLException;

    /** The sessions blocking session {@code waiting} now; empty when it is not waiting for a lock. */
    List<Blocker> blocking(Connection c, long waiting) throws SQLException;

    /** Cancels the blocker's current query if it is still idle in the same transaction; true when sent. */
    boolean cancel(Connection c, Blocker blocker) throws SQLException;

    /** Ends the blocker's session if it is still idle in the same transaction; true when sent. */
    boolean terminate(Connection c, Blocker blocker) throws SQLException;
}
