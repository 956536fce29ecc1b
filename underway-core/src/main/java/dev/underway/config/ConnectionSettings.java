package dev.underway.config;

import dev.underway.Interruption;
import dev.underway.UnderwayException;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Redaction;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** How to reach the database. {@link #toString()} never shows the password. */
public record ConnectionSettings(String url, String user, String password) {

    public ConnectionSettings {
        if (url == null || url.isBlank()) {
            throw UnderwayException.usage("no database URL; pass --url or set UNDERWAY_URL");
        }
    }

    public DatabaseKind kind() {
        return DatabaseKind.fromUrl(url);
    }

    public Connection open() throws SQLException {
        DatabaseKind kind = kind();
        Properties props = kind.connectionProperties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        // Tracked so that SIGINT/SIGTERM cancel what it runs, whoever opened it.
        Connection c = DriverManager.getConnection(kind.driverUrl(url), props);
        return Interruption.process().track(c, kind.statementCancel());
    }

    public String redactedUrl() {
        return Redaction.url(url);
    }

    /** The driver's message for {@code e} (and its SQLSTATE) with this connection's password taken out. */
    public String describe(SQLException e) {
        List<String> secrets = new ArrayList<>(Redaction.secretsIn(url));
        if (password != null) {
            secrets.add(password);
        }
        return Redaction.describe(e, secrets);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
