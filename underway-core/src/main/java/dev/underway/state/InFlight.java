package dev.underway.state;

import dev.underway.migration.FlightPhase;

import java.time.Instant;
import java.util.List;

/**
 * One in-flight expand/contract migration, as {@code underway.operations} records it.
 *
 * @param phase       where it stands ({@link FlightPhase})
 * @param actionsDone actions of that phase done so far: where a re-run resumes
 * @param newSchema   the version schema start creates
 * @param oldSchema   the previous version's schema (or the base schema for the first YAML migration)
 * @param tables      tables the migration changes; {@code referenced}: tables it depends on
 * @param backfills   names of its backfills in the backfill state table
 * @param yaml        the migration file as started, so complete and rollback need no file
 * @param snapshot    the schema before start (JSON), so every phase is planned from the same facts
 */
public record InFlight(String version, String script, String description, int checksum, FlightPhase phase, int actionsDone,
                       String newSchema, String oldSchema, List<String> tables, List<String> referenced,
                       List<String> backfills, String yaml, String snapshot, String message, Instant startedOn,
                       Instant updatedOn) {
    public InFlight {
        tables = List.copyOf(tables);
        referenced = List.copyOf(referenced);
        backfills = List.copyOf(backfills);
    }
}
