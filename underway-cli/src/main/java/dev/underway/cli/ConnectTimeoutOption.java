package dev.underway.cli;

import dev.underway.Durations;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --connect-timeout}: the same bound for both engines, whatever their drivers' defaults (PgJDBC 10 s, MariaDB 30 s). */
final class ConnectTimeoutOption {
    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s", description = "How long"
            + " connecting may take, login included, before giving up with exit code 2 (e.g. 3s; 0s: no limit)."
            + " Default: ${DEFAULT-VALUE}.")
    String value;

    Duration duration() {
        return Durations.parse(value);
    }
}
