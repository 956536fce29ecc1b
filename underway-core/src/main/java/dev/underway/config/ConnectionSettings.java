package dev.underway.config;

import dev.underway.Durations;
import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Redaction;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * How to reach the database. {@link #toString()} never shows the password.
 *
 * @param connectTimeout how long opening a connection may take, handshake and login included (zero: no limit)
 * @param source         where connections come from (the caller's {@link DataSource}, or {@link DriverManager}) and
 *                       the dialect detected once for them; with a data source {@code url} is the URL its
 *                       connections report, for the engine and messages
 */
public record ConnectionSettings(String url, String user, String password, Duration connectTimeout,
                                 ConnectionSource source) {
    /** A silent listener (a proxy, a firewall, the wrong service) is detected after this long by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionSettings {
        if (url == null || url.isBlank()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "no database URL; " + Setting.either("pass --url or set UNDERWAY_URL", "set url(String)"));
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        source = source == null ? ConnectionSource.driver() : source;
        if (connectTimeout.isNegative()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "the connect timeout must not be negative, got " + connectTimeout);
        }
    }

    public ConnectionSettings(String url, String user, String password) {
        this(url, user, password, DEFAULT_CONNECT_TIMEOUT);
    }

    public ConnectionSettings(String url, String user, String password, Duration connectTimeout) {
        this(url, user, password, connectTimeout, ConnectionSource.driver());
    }

    /**
     * Connections from the caller's {@code dataSource}; the URL its first connection reports names the engine. A
     * failure to connect is a usage error (exit 2) that says what went wrong.
     */
    public static ConnectionSettings of(DataSource dataSource, String user, String password, Duration connectTimeout) {
        try (Connection c = dataSource.getConnection()) {
            ConnectionSettings settings = new ConnectionSettings(c.getMetaData().getURL(), user, password,
                    connectTimeout, ConnectionSource.of(dataSource));
            // The same connection tells the dialect: commands then borrow none to learn it.
            settings.dialect(c);
            return settings;
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.CONNECTION_FAILED, "cannot get a connection from the data source: "
                    + Redaction.describe(e, password == null ? List.of() : List.of(password)), e);
        }
    }

    /**
     * The same credentials and timeout for another URL (a scratch database, a replica), through
     * {@link DriverManager}: the data source, if any, leads to this URL only.
     */
    public ConnectionSettings withUrl(String otherUrl) {
        return new ConnectionSettings(otherUrl, user, password, connectTimeout, ConnectionSource.driver());
    }

    public DatabaseKind kind() {
        return DatabaseKind.fromUrl(url);
    }

    /**
     * A new connection. A failure to connect is a {@link ConnectionFailure}: it names server, database and user,
     * says what went wrong and what to do, and carries no secret.
     */
    public Connection open() throws SQLException {
        DatabaseKind kind = kind();
        // A thread interrupted by SIGINT/SIGTERM still opens connections for its clean-up (dropping a scratch
        // database, recording a backfill as interrupted): PgJDBC waits for its login-timeout thread, and a pool for
        // a free connection, and both give up at once when the caller's interrupt flag is set. It is set again after.
        boolean interrupted = Thread.interrupted();
        try {
            // Tracked so that SIGINT/SIGTERM cancel what it runs, whoever opened it.
            Connection c = source.dataSource() != null ? source.dataSource().getConnection()
                    : DriverManager.getConnection(kind.driverUrl(url), driverProperties(kind));
            return Interruption.process().track(c, kind.statementCancel());
        } catch (SQLException e) {
            throw ConnectionFailure.of(this, e, secrets());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Properties driverProperties(DatabaseKind kind) {
        Properties props = kind.connectionProperties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        timeouts(kind, props);
        return props;
    }

    /**
     * Bounds the whole connection attempt, not only the TCP connect: PgJDBC's connectTimeout covers the connect,
     * loginTimeout the startup and authentication after it (both in seconds); MariaDB Connector/J's connectTimeout (milliseconds)
     * covers both. A timeout the URL sets itself wins.
     */
    private void timeouts(DatabaseKind kind, Properties props) {
        String lowerUrl = url.toLowerCase(Locale.ROOT);
        long millis = connectTimeout.toMillis();
        if (kind == DatabaseKind.POSTGRESQL) {
            String seconds = Long.toString((millis + 999) / 1000);
            if (!lowerUrl.contains("connecttimeout=")) {
                props.setProperty("connectTimeout", seconds);
            }
            if (!lowerUrl.contains("logintimeout=")) {
                props.setProperty("loginTimeout", seconds);
            }
            // Else a silent listener fails after the 5 s this one defaults to, as a read timeout of the SSL request.
            if (!lowerUrl.contains("sslresponsetimeout=")) {
                props.setProperty("sslResponseTimeout", Long.toString(millis));
            }
        } else if (!lowerUrl.contains("connecttimeout=")) {
            props.setProperty("connectTimeout", Long.toString(millis));
        }
    }

    /**
     * Connects once to learn the server's engine and version (lint and trace against --url). A failure is a usage
     * error (exit 2) that says what went wrong.
     */
    public Dialect detectDialect() {
        Dialect known = source.knownDialect();
        if (known != null) {
            return known;
        }
        try (Connection c = open()) {
            return dialect(c);
        } catch (ConnectionFailure e) {
            throw UnderwayException.of(Reason.CONNECTION_FAILED, describe(e));
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.CONNECTION_FAILED, "connected to " + redactedUrl() + " but could not read the server's version: "
                    + describe(e));
        }
    }

    /** The server's dialect, detected on {@code c} at the first call for this source and kept. */
    public Dialect dialect(Connection c) throws SQLException {
        return source.dialect(c, kind());
    }

    public String redactedUrl() {
        return Redaction.url(url);
    }

    /** The driver's message for {@code e} (and its SQLSTATE) with this connection's password taken out. */
    public String describe(SQLException e) {
        if (e instanceof ConnectionFailure f) {
            return Redaction.describe(f.template(), f.getSQLState(), secrets());
        }
        return Redaction.describe(e, secrets());
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(Redaction.secretsIn(url));
        if (password != null) {
            secrets.add(password);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", connectTimeout=" + Durations.format(connectTimeout) + ", source=" + source + "]";
    }
}
