package dev.underway.dialect.mysql;

import dev.underway.dialect.ReplicaLag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A replica's own status ({@code SHOW REPLICA STATUS}, MySQL 8.0.22+; {@code SHOW ALL REPLICAS STATUS}, MariaDB
 * 10.5.1+, which includes named multi-source connections), each channel's
 * {@code Seconds_Behind_Source} (MySQL) or {@code Seconds_Behind_Master} (MariaDB). NULL
 * there means replication is stopped, which counts as unbounded lag.
 */
final class MySqlReplicaLag implements ReplicaLag {
    /** MySQL lists every channel in SHOW REPLICA STATUS; MariaDB only the default connection, SHOW ALL every one. */
    private final String statusQuery;

    MySqlReplicaLag(String statusQuery) {
        this.statusQuery = statusQuery;
    }

    @Override
    public Optional<Duration> lag(Connection c) throws SQLException {
        Duration worst = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(statusQuery)) {
            int column = lagColumn(rs.getMetaData());
            while (rs.next()) {
                long seconds = rs.getLong(column);
                Duration lag = rs.wasNull() ? STOPPED : Duration.ofSeconds(seconds);
                worst = worst == null || lag.compareTo(worst) > 0 ? lag : worst;
            }
        }
        return Optional.ofNullable(worst);
    }

    private static int lagColumn(ResultSetMetaData md) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i);
            if (label.equalsIgnoreCase("Seconds_Behind_Source") || label.equalsIgnoreCase("Seconds_Behind_Master")) {
                return i;
            }
        }
        throw new SQLException("replica status has no Seconds_Behind_Source/Seconds_Behind_Master column");
    }
}
