package dev.underway.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Cancels, from another thread, the statement a connection is running at this moment: the
 * server ends it with an error, rolls back what it did and releases its locks, and the
 * connection stays usable. A connection that runs nothing is left as it is (pinned by
 * {@code StatementCancelScenario}).
 */
public interface StatementCancel {
    void cancel(Connection c) throws SQLException;
}
