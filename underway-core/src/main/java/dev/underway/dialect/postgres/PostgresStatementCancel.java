package dev.underway.dialect.postgres;

import dev.underway.dialect.StatementCancel;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's cancel request (what {@code pg_cancel_backend} does, sent as the protocol's
 * CancelRequest with the session's secret key): it needs no free connection slot and no
 * privilege, and a backend that waits for its client ignores it.
 */
public final class PostgresStatementCancel implements StatementCancel {
    @Override
    public void cancel(Connection c) throws SQLException {
        c.unwrap(PGConnection.class).cancelQuery();
    }
}
