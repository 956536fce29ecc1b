package dev.underway.config;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the connections of one {@link ConnectionSettings} come from, and what was learnt of the server once: the
 * caller's {@link DataSource} (never closed here: the caller owns it) or, when there is none, the JDBC driver
 * through {@code DriverManager}. The dialect is detected at the first connection and kept, so one embedding
 * instance reads the server's version once.
 */
public final class ConnectionSource {
    private final DataSource dataSource;
    private volatile Dialect dialect;

    private ConnectionSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Connections through the JDBC driver, the dialect detected once for all of them. */
    public static ConnectionSource driver() {
        return new ConnectionSource(null);
    }

    /** Connections from the caller's pool, the dialect detected once for all of them. */
    public static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource(dataSource);
    }

    /** The caller's data source, or null when connections are opened through the driver. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The dialect detected earlier, or null before the first detection. */
    public Dialect knownDialect() {
        return dialect;
    }

    /** The server's dialect, detected on {@code c} the first time and kept. */
    public Dialect dialect(Connection c, DatabaseKind urlKind) throws SQLException {
        Dialect d = dialect;
        if (d == null) {
            d = Dialects.detect(c, urlKind);
            dialect = d;
        }
        return d;
    }

    @Override
    public String toString() {
        return dataSource == null ? "DriverManager" : dataSource.getClass().getName();
    }
}
