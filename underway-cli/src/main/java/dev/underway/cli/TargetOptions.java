package dev.underway.cli;

import dev.underway.Audience;
import dev.underway.Underway;
import dev.underway.observe.MigrationListener;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** The options every command that talks to a database shares. */
public final class TargetOptions {
    @Option(names = "--url", description = "JDBC URL (jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:). "
            + "Env: UNDERWAY_URL. Without it: the embedded PostgreSQL in .underway/embedded.")
    String url;

    @Option(names = "--user", description = "Database user. Env: UNDERWAY_USER.")
    String user;

    @Option(names = "--password", description = "Database password. Env: UNDERWAY_PASSWORD (preferred: not visible in ps).")
    String password;

    @Mixin
    ConnectTimeoutOption connectTimeout;

    @Option(names = "--schema", description = "Target schema (PostgreSQL) or database (MySQL/MariaDB). "
            + "Default: the connection's.")
    String schema;

    @Option(names = "--dir", description = "Migration directory (searched recursively). Default: ${DEFAULT-VALUE}.",
            defaultValue = "db/migration")
    Path dir;

    @Mixin
    StateOptions state;

    @Option(names = "--lock-wait", description = "How long to wait for another underway process that holds the "
            + "migration lock, e.g. 30s, 10m. Default: ${DEFAULT-VALUE}.", defaultValue = "10m")
    Duration lockWait;

    /** A builder for this target; starts the embedded PostgreSQL when no URL was given. */
    Underway.Builder builder(EmbeddedSession embedded, PrintWriter err, MigrationListener listener) {
        String resolvedUrl = url;
        String resolvedUser = user;
        if (url == null || url.isBlank()) {
            EmbeddedDefault pg = embedded.start(err);
            resolvedUrl = pg.url();
            resolvedUser = pg.user();
        }
        return state.applyTo(Underway.builder())
                .audience(Audience.CLI)
                .url(resolvedUrl)
                .user(resolvedUser)
                .password(password)
                .connectTimeout(connectTimeout.duration())
                .schema(schema)
                .directory(dir)
                .lockWait(lockWait)
                .listener(listener);
    }
}
