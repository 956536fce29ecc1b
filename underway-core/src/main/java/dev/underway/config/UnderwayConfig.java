package dev.underway.config;

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
        OnlineExecution online) {

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

    public UnderwayConfig {
        state = state == null ? StateLocation.DEFAULT : state;
        lockWait = lockWait == null ? DEFAULT_LOCK_WAIT : lockWait;
        directory = directory == null ? Path.of("db/migration") : directory;
        online = online == null ? OnlineExecution.DEFAULTS : online;
    }
}
