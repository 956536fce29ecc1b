package dev.underway.dialect.postgres;

import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.StatementProgress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import static dev.underway.dialect.StatementProgress.count;
import static dev.underway.dialect.StatementProgress.firstRow;
import static dev.underway.dialect.StatementProgress.join;

/**
 * {@code pg_stat_progress_create_index} and {@code _cluster} (PostgreSQL 12+), {@code _copy}
 * (14+); for any other statement {@code pg_stat_activity}: its state and what it waits for.
 */
final class PostgresStatementProgress implements StatementProgress {
    private final ServerVersion version;

    PostgresStatementProgress(ServerVersion version) {
        this.version = version;
    }

    @Override
    public Optional<String> of(Connection c, long pid) throws SQLException {
        Optional<String> line = Optional.empty();
        if (version.isSameOrAfter(12, 0)) {
            line = firstRow(c, "SELECT command, phase, lockers_done, lockers_total, blocks_done, blocks_total,"
                    + " tuples_done, tuples_total, partitions_done, partitions_total"
                    + " FROM pg_stat_progress_create_index WHERE pid = ?", pid, rs -> rs.getString(1) + ": " + join(
                    rs.getString(2), count("lockers", rs.getLong(3), rs.getLong(4)),
                    count("blocks", rs.getLong(5), rs.getLong(6)), count("tuples", rs.getLong(7), rs.getLong(8)),
                    count("partitions", rs.getLong(9), rs.getLong(10))));
            if (line.isEmpty()) {
                line = firstRow(c, "SELECT command, phase, heap_blks_scanned, heap_blks_total, heap_tuples_written,"
                        + " index_rebuild_count FROM pg_stat_progress_cluster WHERE pid = ?", pid,
                        rs -> rs.getString(1) + ": " + join(rs.getString(2),
                                count("heap blocks", rs.getLong(3), rs.getLong(4)),
                                count("tuples written", rs.getLong(5), 0), count("indexes rebuilt", rs.getLong(6), 0)));
            }
        }
        if (line.isEmpty() && version.isSameOrAfter(14, 0)) {
            line = firstRow(c, "SELECT command, type, bytes_processed, bytes_total, tuples_processed"
                    + " FROM pg_stat_progress_copy WHERE pid = ?", pid,
                    rs -> rs.getString(1) + " " + rs.getString(2) + ": "
                            + join(count("bytes", rs.getLong(3), rs.getLong(4)), count("rows", rs.getLong(5), 0)));
        }
        if (line.isEmpty()) {
            line = firstRow(c, "SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE pid = ?"
                    + " AND state <> 'idle'", pid, rs -> rs.getString(1) + (rs.getString(2) == null ? ""
                    : ", waiting for " + rs.getString(2) + " (" + rs.getString(3) + ")"));
        }
        return line;
    }
}
