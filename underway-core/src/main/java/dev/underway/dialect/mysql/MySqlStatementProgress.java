package dev.underway.dialect.mysql;

import dev.underway.dialect.StatementProgress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import static dev.underway.dialect.StatementProgress.count;
import static dev.underway.dialect.StatementProgress.firstRow;
import static dev.underway.dialect.StatementProgress.join;

/**
 * MariaDB reports stage and percentage of ALTER TABLE (and LOAD DATA, ...) in
 * {@code information_schema.PROCESSLIST}; MySQL in {@code performance_schema.events_stages_current}
 * (for InnoDB's ALTER stages, when that consumer is on). Otherwise the processlist state.
 */
final class MySqlStatementProgress implements StatementProgress {
    private final boolean mariadb;

    MySqlStatementProgress(boolean mariadb) {
        this.mariadb = mariadb;
    }

    @Override
    public Optional<String> of(Connection c, long id) throws SQLException {
        if (mariadb) {
            return firstRow(c, "SELECT STAGE, MAX_STAGE, PROGRESS, STATE FROM information_schema.PROCESSLIST"
                    + " WHERE ID = ?", id, rs -> rs.getInt(2) == 0 ? rs.getString(4) : "stage " + rs.getInt(1) + " of "
                    + rs.getInt(2) + " (" + rs.getString(4) + "), " + Math.round(rs.getDouble(3) * 10) / 10.0 + "% done");
        }
        Optional<String> stage;
        try {
            stage = firstRow(c, "SELECT s.EVENT_NAME, s.WORK_COMPLETED, s.WORK_ESTIMATED"
                    + " FROM performance_schema.events_stages_current s JOIN performance_schema.threads t"
                    + " ON t.THREAD_ID = s.THREAD_ID WHERE t.PROCESSLIST_ID = ?", id, rs -> join(rs.getString(1),
                    count("work", rs.getLong(2), rs.getLong(3))));
        } catch (SQLException e) {
            // performance_schema off, or no SELECT on it: the processlist state is all there is.
            stage = Optional.empty();
        }
        return stage.isPresent() ? stage
                : firstRow(c, "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?", id,
                        rs -> rs.getString(1));
    }
}
