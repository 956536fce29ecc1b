package dev.underway.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Session-level named locks (PostgreSQL advisory locks, MySQL {@code GET_LOCK}). They belong
 * to the connection, so a process that dies releases them; they are never tied to a
 * transaction, so {@code CREATE INDEX CONCURRENTLY} cannot deadlock on them.
 */
public interface SessionLocks {
    /** Tries once, without waiting. */
    boolean tryLock(Connection c, String name) throws SQLException;

    void unlock(Connection c, String name) throws SQLException;

    /** Who holds the lock now (session id, user, client), when the server can tell. */
    Optional<String> holder(Connection c, String name) throws SQLException;
}
