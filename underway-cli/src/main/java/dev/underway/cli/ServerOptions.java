package dev.underway.cli;

import dev.underway.Underway;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * A server that is not the migrated database itself: {@link ForLint} reads its engine and version, {@link Scratch}
 * gets trace's and rehearse's scratch databases. The two differ in their --url only.
 */
abstract class ServerOptions {
    @Option(names = "--user", description = "Database user. Env: UNDERWAY_USER.")
    String user;

    @Option(names = "--password", description = "Database password. Env: UNDERWAY_PASSWORD.")
    String password;

    @Mixin
    ConnectTimeoutOption connectTimeout;

    abstract String url();

    boolean given() {
        return url() != null && !url().isBlank();
    }

    /** A builder for this server: its URL, user, password and connect timeout. */
    Underway.Builder builder() {
        return connectingTo(url(), user, password);
    }

    final Underway.Builder connectingTo(String url, String user, String password) {
        return Underway.builder().url(url).user(user).password(password).connectTimeout(connectTimeout.duration());
    }

    /**
     * lint: offline unless --url is given; UNDERWAY_URL, set for migrate, does not make lint a database client
     * ({@link EnvironmentDefaults#OFFLINE_UNLESS_URL_GIVEN}).
     */
    static final class ForLint extends ServerOptions {
        @Option(names = "--url", description = "JDBC URL of the server (jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:).")
        String url;

        @Override
        String url() {
            return url;
        }
    }

    /**
     * Where trace and rehearse create their scratch database (rehearse --in-place: the database itself): --url, else
     * UNDERWAY_URL as for every other command, else the embedded PostgreSQL.
     */
    static final class Scratch extends ServerOptions {
        @Option(names = "--url", description = "JDBC URL of the server"
                + " (jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:). Env: UNDERWAY_URL. Without it: the embedded"
                + " PostgreSQL in .underway/embedded.")
        String url;

        @Override
        String url() {
            return url;
        }

        /** A builder for the server of --url (or UNDERWAY_URL), or else the embedded PostgreSQL (started now). */
        Underway.Builder builderOrEmbedded(EmbeddedSession embedded, PrintWriter err) {
            if (given()) {
                return builder();
            }
            EmbeddedDefault pg = embedded.start(err);
            return connectingTo(pg.url(), pg.user(), null);
        }
    }
}
