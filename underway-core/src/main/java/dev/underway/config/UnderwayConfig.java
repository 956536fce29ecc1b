package dev.underway.config;

import dev.underway.Audience;
import dev.underway.Setting;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.OnlineExecution;
import dev.underway.state.StateLocation;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a run needs to know, validated when built.
 *
 * @param schema     the target schema (PostgreSQL) or database (MySQL); null: the connection's default
 * @param lockWait   how long to wait for another process's migration lock
 * @param outOfOrder apply pending migrations older than the latest applied one
 * @param target     the highest version to apply; null: all
 * @param unsafe     skip migrate's lint gate (apply migrations with error findings)
 * @param online     lock and statement timeouts, retries, killing idle blockers
 * @param audience   who reads what a run logs, hands to listeners and returns as sentences (see
 *                   {@link Setting}): remedies in them name settings as the audience knows them
 */
public record UnderwayConfig(
        ConnectionSettings connection,
        String schema,
        Path directory,
        StateLocation state,
        Duration lockWait,
        boolean outOfOrder,
        MigrationVersion target,
        boolean unsafe,
        OnlineExecution online,
        Audience audience) {

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

    public UnderwayConfig {
        state = state == null ? StateLocation.DEFAULT : state;
        lockWait = lockWait == null ? DEFAULT_LOCK_WAIT : lockWait;
        directory = directory == null ? Path.of("db/migration") : directory;
        online = online == null ? OnlineExecution.DEFAULTS : online;
        audience = audience == null ? Audience.LIBRARY : audience;
    }

    /** The settings of a run whose texts a library caller reads. */
    public UnderwayConfig(ConnectionSettings connection, String schema, Path directory, StateLocation state,
                          Duration lockWait, boolean outOfOrder, MigrationVersion target, boolean unsafe,
                          OnlineExecution online) {
        this(connection, schema, directory, state, lockWait, outOfOrder, target, unsafe, online, Audience.LIBRARY);
    }

    /** A text of this run for its audience: placeholders of {@link Setting} replaced. */
    public String render(String template) {
        return Setting.render(template, audience);
    }
}
