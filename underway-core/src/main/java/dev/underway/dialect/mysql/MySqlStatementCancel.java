package dev.underway.dialect.mysql;

import dev.underway.dialect.StatementCancel;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code KILL QUERY <thread id>}, sent by the MariaDB driver on a short-lived connection of its
 * own with the same credentials: the statement stops with error 1317 (an InnoDB change and an
 * in-place ALTER are rolled back) and the session stays open.
 */
public final class MySqlStatementCancel implements StatementCancel {
    @Override
    public void cancel(Connection c) throws SQLException {
        c.unwrap(org.mariadb.jdbc.Connection.class).cancelCurrentQuery();
    }
}
