package dev.underway.dialect.mysql;

import dev.underway.dialect.SessionTimeouts;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Session variables: {@code lock_wait_timeout} (whole seconds, at least 1) and, on MariaDB,
 * {@code max_statement_time} (seconds). MySQL has no statement timeout that covers DDL
 * ({@code max_execution_time} is for SELECT only), so there the statement timeout is not set.
 */
final class MySqlSessionTimeouts implements SessionTimeouts {
    private final boolean maxStatementTime;

    MySqlSessionTimeouts(boolean maxStatementTime) {
        this.maxStatementTime = maxStatementTime;
    }

    @Override
    public Duration effectiveLockTimeout(Duration requested) {
        long seconds = Math.max(1, (requested.toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }

    @Override
    public boolean transactionScoped() {
        return false;
    }

    @Override
    public void set(Connection c, Duration lockTimeout, Duration statementTimeout, boolean inTransaction)
            throws SQLException {
        String sql = "SET SESSION lock_wait_timeout = "
                + (lockTimeout == null ? "DEFAULT" : Long.toString(effectiveLockTimeout(lockTimeout).toSeconds()));
        if (maxStatementTime) {
            sql += ", max_statement_time = " + (statementTimeout == null ? "DEFAULT"
                    : BigDecimal.valueOf(statementTimeout.toMillis(), 3).toPlainString());
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
