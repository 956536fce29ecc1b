package dev.underway.dialect.postgres;

import dev.underway.dialect.ReplicaLag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The primary's view of its standbys. {@code replay_lag} is NULL for a standby that has caught
 * up and sent no feedback since; such a standby counts as not lagging. Reading the lag needs
 * {@code pg_read_all_stats} (or superuser); without it the columns read as NULL.
 */
final class PostgresReplicaLag implements ReplicaLag {
    @Override
    public Optional<Duration> lag(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*), coalesce(max(extract(epoch FROM replay_lag)), 0) FROM pg_stat_replication")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(rs.getDouble(2) * 1000)));
        }
    }
}
