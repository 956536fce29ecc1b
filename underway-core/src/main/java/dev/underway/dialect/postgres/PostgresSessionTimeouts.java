package dev.underway.dialect.postgres;

import dev.underway.dialect.SessionTimeouts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** {@code SET [LOCAL] lock_timeout / statement_timeout}, in milliseconds; {@code DEFAULT} restores the configured value. */
final class PostgresSessionTimeouts implements SessionTimeouts {

    @Override
    public Duration effectiveLockTimeout(Duration requested) {
        return Duration.ofMillis(Math.max(1, requested.toMillis()));
    }

    @Override
    public boolean transactionScoped() {
        return true;
    }

    @Override
    public void set(Connection c, Duration lockTimeout, Duration statementTimeout, boolean inTransaction)
            throws SQLException {
        String set = inTransaction ? "SET LOCAL " : "SET ";
        try (Statement s = c.createStatement()) {
            s.execute(set + "lock_timeout = " + millis(lockTimeout) + "; " + set + "statement_timeout = " + millis(statementTimeout));
        }
    }

    private static String millis(Duration d) {
        return d == null ? "DEFAULT" : Long.toString(d.toMillis());
    }
}
