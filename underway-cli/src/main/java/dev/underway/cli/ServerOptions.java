package dev.underway.cli;

import dev.underway.config.ConnectionSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A server to read from (lint: its engine and version; trace: where to create the scratch database). */
final class ServerOptions {
    @Option(names = "--url", description = "JDBC URL of the server (jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:).")
    String url;

    @Option(names = "--user", defaultValue = "${env:UNDERWAY_USER}", description = "Database user. Env: UNDERWAY_USER.")
    String user;

    @Option(names = "--password", defaultValue = "${env:UNDERWAY_PASSWORD}",
            description = "Database password. Env: UNDERWAY_PASSWORD.")
    String password;

    @Mixin
    ConnectTimeoutOption connectTimeout;

    boolean given() {
        return url != null && !url.isBlank();
    }

    ConnectionSettings settings() {
        return new ConnectionSettings(url, user, password, connectTimeout.duration());
    }

    /** The server of --url, or else the embedded PostgreSQL (started now). */
    ConnectionSettings settingsOrEmbedded(EmbeddedSession embedded, java.io.PrintWriter err) {
        if (given()) {
            return settings();
        }
        EmbeddedDefault pg = embedded.start(err);
        return new ConnectionSettings(pg.url(), pg.user(), null, connectTimeout.duration());
    }
}
