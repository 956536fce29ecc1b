package dev.underway.cli;

import dev.underway.config.StateLocation;
import picocli.CommandLine.Option;

/** Where Underway keeps its own tables: every command on a target database, and rehearse --in-place. */
final class StateOptions {
    @Option(names = "--state-schema", description = "Schema (PostgreSQL) or database (MySQL) for Underway's own tables. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "underway")
    String stateSchema;

    @Option(names = "--state-table-prefix", description = "Prefix for Underway's table names, for servers where a "
            + "separate state database is not allowed (e.g. --state-schema app --state-table-prefix underway_).",
            defaultValue = "")
    String stateTablePrefix;

    /** Null when the command left these options out (the library's default then). */
    StateLocation location() {
        return stateSchema == null ? null : new StateLocation(stateSchema, stateTablePrefix);
    }
}
