package dev.underway.cli;

import dev.underway.Underway;
import picocli.CommandLine.Option;

/** Where Underway keeps its own tables: every command on a target database, and rehearse --in-place. */
final class StateOptions {
    @Option(names = "--state-schema", description = "Schema (PostgreSQL) or database (MySQL) for Underway's own tables. "
            + "Default: schema underway (PostgreSQL); the target database itself, tables prefixed underway_ (MySQL/MariaDB).")
    String stateSchema;

    @Option(names = "--state-table-prefix", description = "Prefix for Underway's table names (e.g. --state-schema app "
            + "--state-table-prefix underway_). Default: none with --state-schema; underway_ inside a MySQL target.")
    String stateTablePrefix;

    /** The builder with this location; left out, the library's default (resolved per engine when connecting). */
    Underway.Builder applyTo(Underway.Builder builder) {
        return builder.stateSchema(stateSchema).stateTablePrefix(stateTablePrefix);
    }
}
