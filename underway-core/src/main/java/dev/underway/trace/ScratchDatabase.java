package dev.underway.trace;

import dev.underway.Setting;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionFailure;
import dev.underway.config.ConnectionSettings;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.state.StateLocation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A disposable database created next to the one a URL names, and dropped on close: trace and
 * rehearse never change the database they are pointed at. On PostgreSQL a new database (needs
 * CREATEDB); on MySQL/MariaDB a new database (schema) on the same server, which also holds
 * Underway's state tables so that dropping it leaves nothing behind (needs CREATE and DROP).
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

    private final ConnectionSettings admin;
    private final Dialect dialect;
    private final String name;
    private final ConnectionSettings settings;
    private boolean keep;

    private ScratchDatabase(ConnectionSettings admin, Dialect dialect, String name, ConnectionSettings settings) {
        this.admin = admin;
        this.dialect = dialect;
        this.name = name;
        this.settings = settings;
    }

    public static ScratchDatabase create(ConnectionSettings admin) {
        return create(admin, "underway_trace_");
    }

    /** @param prefix the new database's name before a random suffix */
    public static ScratchDatabase create(ConnectionSettings admin, String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin.open()) {
            Dialect dialect = Dialects.detect(c, admin.kind());
            if (admin.kind() == DatabaseKind.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + dialect.quote(name));
                }
                return new ScratchDatabase(admin, dialect, name, admin.withUrl(withDatabase(admin.url(), name)));
            }
            dialect.schemas().createIfMissing(c, name);
            return new ScratchDatabase(admin, dialect, name, admin);
        } catch (ConnectionFailure e) {
            throw UnderwayException.of(Reason.CONNECTION_FAILED, admin.describe(e));
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.PRIVILEGE_MISSING, "cannot create a scratch database on " + admin.redactedUrl() + ": "
                    + admin.describe(e) + "; it needs the CREATEDB privilege (PostgreSQL) or CREATE and DROP (MySQL);"
                    + " the database in " + Setting.URL.ref() + " itself is never changed");
        }
    }

    /** The same URL pointing at another database. */
    static String withDatabase(String url, String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "a scratch database needs a URL of the form jdbc:postgresql://host:port/database,"
                    + " got " + new ConnectionSettings(url, null, null).redactedUrl());
        }
        return m.group(1) + database + m.group(3);
    }

    public Connection open() throws SQLException {
        Connection c = settings.open();
        if (admin.kind() != DatabaseKind.POSTGRESQL) {
            dialect.schemas().use(c, name);
        }
        return c;
    }

    /** How to reach it. */
    public ConnectionSettings settings() {
        return settings;
    }

    /** The schema to work in: null on PostgreSQL (the new database's default), the new database on MySQL. */
    public String schema() {
        return admin.kind() == DatabaseKind.POSTGRESQL ? null : name;
    }

    /** Where Underway's own tables go: inside the scratch database on MySQL, so that dropping it removes them. */
    public StateLocation state() {
        return admin.kind() == DatabaseKind.POSTGRESQL ? StateLocation.DEFAULT : new StateLocation(name, "underway_");
    }

    public String name() {
        return name;
    }

    /** Leaves it in place on close, for a look at what was done there. */
    public void keep() {
        keep = true;
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            if (admin.kind() == DatabaseKind.POSTGRESQL) {
                s.execute("DROP DATABASE IF EXISTS " + dialect.quote(name) + " WITH (FORCE)");
            } else {
                dialect.schemas().dropIfExists(c, name);
            }
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.DATABASE_ERROR, "could not drop the scratch database " + name + " on " + admin.redactedUrl()
                    + ": " + admin.describe(e) + "; drop it by hand", e);
        }
    }
}
