package dev.underway.config;

import dev.underway.Audience;
import dev.underway.Durations;
import dev.underway.Setting;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Redaction;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;

/**
 * A connection that could not be opened, said in plain words: which server, database and user, what went wrong
 * (refused, unknown host, no answer, no such database, credentials refused) and what to do. It stays an
 * {@link SQLException} with the driver's SQLSTATE and vendor code, so code that reconnects classifies it as
 * before; the message is already free of secrets. The driver's exception is the cause. Its remedies name settings
 * for a library caller ({@link #getMessage()}) or the CLI ({@link #message(Audience)}).
 */
public final class ConnectionFailure extends SQLException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the driver's exception tells. */
    public enum Reason { REFUSED, UNKNOWN_HOST, NO_ANSWER, UNKNOWN_DATABASE, CREDENTIALS, OTHER }

    private static final String URL = Setting.either("--url (or UNDERWAY_URL)", "the URL");
    private static final String USER = Setting.either("--user", "user");
    private static final String CREDENTIALS_SETTINGS = Setting.either(
            "--user and --password (or UNDERWAY_USER and UNDERWAY_PASSWORD)", "user(String) and password(String)");

    private final Reason reason;

    private ConnectionFailure(String message, Reason reason, SQLException driver) {
        super(message, driver.getSQLState(), driver.getErrorCode(), driver);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message for a library caller. */
    @Override
    public String getMessage() {
        return message(Audience.LIBRARY);
    }

    /** The message with its settings named for the reader. */
    public String message(Audience audience) {
        return Setting.render(template(), audience);
    }

    /** The message with {@link Setting} placeholders, for a message built around this one. */
    public String template() {
        return super.getMessage();
    }

    /** {@code e}, from opening a connection with {@code settings}, explained. */
    static ConnectionFailure of(ConnectionSettings settings, SQLException e, Collection<String> secrets) {
        DatabaseKind kind = settings.kind();
        JdbcUrl url = JdbcUrl.parse(settings.url(), kind);
        String user = settings.user() != null ? settings.user() : url.user();
        String who = user != null ? "as user " + user : kind == DatabaseKind.POSTGRESQL
                ? "as the operating-system user " + System.getProperty("user.name") + " (no " + USER + " given)"
                : "no " + USER + " given";
        String driver = Redaction.text(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip(),
                secrets);
        Reason reason = reason(e);
        String what = switch (reason) {
            case REFUSED -> "the connection was refused: no server listens on " + url.allHosts()
                    + ". Check the host and port of " + URL + " and that the server is running and accepts"
                    + " TCP connections there";
            case UNKNOWN_HOST -> "the host name " + unknownHost(e, url) + " does not resolve (unknown host). Check the"
                    + " host name of " + URL + ", and the DNS or /etc/hosts of this machine";
            case NO_ANSWER -> url.allHosts() + " accepted the connection but did not answer within "
                    + Durations.format(settings.connectTimeout()) + " (" + Setting.CONNECT_TIMEOUT.ref() + "). Check that the port is the"
                    + " database's (a proxy, firewall or other service may be listening there), or allow more time"
                    + " with " + Setting.CONNECT_TIMEOUT.ref();
            case UNKNOWN_DATABASE -> "the server has no database " + (url.database() == null ? "of that name"
                    : url.database()) + " (" + driver + "). Create it (CREATE DATABASE " + (url.database() == null
                    ? "name" : url.database()) + ") or fix the database name at the end of " + URL;
            case CREDENTIALS -> "the server refused the login" + (user == null ? "" : " of " + user) + " (" + driver
                    + "). Check " + CREDENTIALS_SETTINGS;
            case OTHER -> driver + (url.userInfo() ? ". The JDBC drivers do not read user:password@ in a URL: pass"
                    + " " + CREDENTIALS_SETTINGS : "");
        };
        String message = "cannot connect to " + settings.redactedUrl() + " (" + engine(kind) + " at " + url.allHosts()
                + ", database " + (url.database() == null ? "(the default)" : url.database()) + ", " + who + "): " + what;
        return new ConnectionFailure(message, reason, e);
    }

    /**
     * The failure to open a connection among {@code e} and its causes: one of these, or a driver's (SQLSTATE 08001
     * cannot establish, 08004 rejected, class 28 authorization); null when there is none. A connection lost later is
     * not one.
     */
    public static SQLException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionFailure || t instanceof SQLException s && isConnectState(s.getSQLState())) {
                return (SQLException) t;
            }
        }
        return null;
    }

    private static boolean isConnectState(String state) {
        return state != null && (state.equals("08001") || state.equals("08004") || state.startsWith("28"));
    }

    private static Reason reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (has(e, UnknownHostException.class)) {
            return Reason.UNKNOWN_HOST;
        }
        if (has(e, ConnectException.class)) {
            return Reason.REFUSED;
        }
        if (has(e, SocketTimeoutException.class) || lowerMessage(e).contains("timed out")) {
            return Reason.NO_ANSWER;
        }
        if (state.equals("3D000") || e.getErrorCode() == 1049) {
            return Reason.UNKNOWN_DATABASE;
        }
        // 28xxx: invalid authorization; PostgreSQL 08004 "... but no password was provided"; MySQL 1045 access denied.
        if (state.startsWith("28") || state.equals("08004") || e.getErrorCode() == 1045) {
            return Reason.CREDENTIALS;
        }
        return Reason.OTHER;
    }

    /** The host the resolver did not know: its exception names it; else the URL's first. */
    private static String unknownHost(Throwable e, JdbcUrl url) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException u && u.getMessage() != null) {
                String name = u.getMessage().strip();
                int colon = name.indexOf(':');
                return colon > 0 ? name.substring(0, colon) : name;
            }
        }
        String first = url.firstHost();
        return first.contains(":") && !first.startsWith("[") ? first.substring(0, first.lastIndexOf(':')) : first;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String lowerMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static String engine(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? "PostgreSQL" : "MySQL/MariaDB";
    }

    /** The message alone: wherever it is printed, the class name would add nothing for the reader. */
    @Override
    public String toString() {
        return getMessage();
    }
}
