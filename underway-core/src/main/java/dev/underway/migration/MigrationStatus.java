package dev.underway.migration;


import java.time.Instant;
import java.util.List;

/**
 * An in-flight migration as {@code status} shows it.
 *
 * @param actionsTotal the number of actions of the phase it is in (of start, once start finished: then all are done)
 */
public record MigrationStatus(String version, String script, FlightPhase phase, int actionsDone, int actionsTotal,
                              String newSchema, String oldSchema, List<String> tables, List<Backfill> backfills,
                              String message, Instant startedOn, Instant updatedOn) {
    public MigrationStatus {
        tables = List.copyOf(tables);
        backfills = List.copyOf(backfills);
    }

    /** @param status {@code running}, {@code done}, {@code failed}, ...; {@code pending} before it began */
    public record Backfill(String table, String status, long rowsDone, long estimatedRows) {
    }
}
