package dev.underway.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How to bound, for what runs next on a connection, how long a statement may wait for a lock
 * and how long it may run (PostgreSQL {@code lock_timeout}/{@code statement_timeout}, MySQL
 * {@code lock_wait_timeout}, MariaDB {@code max_statement_time}).
 */
public interface SessionTimeouts {
    /** The lock timeout the server really applies for a requested one (MySQL counts whole seconds). */
    Duration effectiveLockTimeout(Duration requested);

    /** True when {@link #set} inside a transaction lasts only until that transaction ends. */
    boolean transactionScoped();

    /**
     * Sets both timeouts in one round trip.
     *
     * @param lockTimeout      null: the server's default (as configured for the server, database or role)
     * @param statementTimeout null: the server's default; {@link Duration#ZERO}: no limit
     * @param inTransaction    scope the settings to the current transaction where the engine can
     */
    void set(Connection c, Duration lockTimeout, Duration statementTimeout, boolean inTransaction) throws SQLException;
}
