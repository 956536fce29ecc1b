package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.Underway;
import dev.underway.observe.MigrationListener;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The options every command that talks to a database shares. */
public final class TargetOptions {
    @Option(names = "--url", description = "JDBC URL (jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:). "
            + "Env: UNDERWAY_URL. Without it: the embedded PostgreSQL in .underway/embedded.",
            defaultValue = "${env:UNDERWAY_URL}")
    String url;

    @Option(names = "--user", description = "Database user. Env: UNDERWAY_USER.", defaultValue = "${env:UNDERWAY_USER}")
    String user;

    @Option(names = "--password", description = "Database password. Env: UNDERWAY_PASSWORD (preferred: not visible in ps).",
            defaultValue = "${env:UNDERWAY_PASSWORD}")
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
    String lockWait;

    /** A builder for this target; starts the embedded PostgreSQL when no URL was given. */
    Underway.Builder builder(EmbeddedSession embedded, PrintWriter err, MigrationListener listener) {
        String resolvedUrl = url;
        String resolvedUser = user;
        if (url == null || url.isBlank()) {
            EmbeddedDefault pg = embedded.start(err);
            resolvedUrl = pg.url();
            resolvedUser = pg.user();
        }
        return Underway.builder()
                .url(resolvedUrl)
                .user(resolvedUser)
                .password(password)
                .connectTimeout(connectTimeout.duration())
                .schema(schema)
                .directory(dir)
                .state(state.location())
                .lockWait(lockWait == null ? null : Durations.parse(lockWait))
                .listener(listener);
    }
}
