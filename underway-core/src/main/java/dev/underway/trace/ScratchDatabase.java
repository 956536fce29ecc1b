package dev.underway.trace;

import dev.underway.UnderwayException;
import dev.underway.config.ConnectionSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A disposable PostgreSQL database created next to the one a URL names, and dropped on close:
 * trace never changes the database it is pointed at. Needs the CREATEDB privilege.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

    private final ConnectionSettings admin;
    private final String name;
    private final ConnectionSettings settings;

    private ScratchDatabase(ConnectionSettings admin, String name, ConnectionSettings settings) {
        this.admin = admin;
        this.name = name;
        this.settings = settings;
    }

    public static ScratchDatabase create(ConnectionSettings admin) {
        String name = "underway_trace_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw UnderwayException.usage("cannot create a scratch database on " + admin.redactedUrl() + ": "
                    + e.getMessage() + "; trace needs the CREATEDB privilege (it never changes the database in --url)");
        }
        return new ScratchDatabase(admin, name, new ConnectionSettings(withDatabase(admin.url(), name), admin.user(),
                admin.password()));
    }

    /** The same URL pointing at another database. */
    static String withDatabase(String url, String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw UnderwayException.usage("trace needs a URL of the form jdbc:postgresql://host:port/database, got "
                    + new ConnectionSettings(url, null, null).redactedUrl());
        }
        return m.group(1) + database + m.group(3);
    }

    public Connection open() throws SQLException {
        return settings.open();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection c = admin.open(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw UnderwayException.failed("could not drop the scratch database " + name + " on " + admin.redactedUrl()
                    + ": " + e.getMessage() + "; drop it by hand", e);
        }
    }
}
