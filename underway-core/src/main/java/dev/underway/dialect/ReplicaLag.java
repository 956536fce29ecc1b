package dev.underway.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * How far replicas are behind, as the given session can see it: on PostgreSQL the primary's
 * {@code pg_stat_replication}, on MySQL/MariaDB a replica's own replication status.
 */
public interface ReplicaLag {
    /**
     * The largest lag seen, empty when this session sees no replication at all. A replica whose
     * replication is stopped reports {@link #STOPPED}.
     */
    Optional<Duration> lag(Connection c) throws SQLException;

    /** The lag reported for a replica that is not replicating (its lag grows without bound). */
    Duration STOPPED = Duration.ofDays(365);
}
