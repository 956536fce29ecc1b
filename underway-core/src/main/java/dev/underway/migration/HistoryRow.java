package dev.underway.migration;


import java.time.Instant;

/**
 * One row of the history table: an applied (or failed, resumable) migration.
 *
 * @param type               {@code SQL}, {@code BASELINE}, or a type imported from Flyway
 * @param statementsDone     statements executed so far (the resume point of a failed attempt)
 * @param statementsChecksum checksum of those executed statements (see Checksums#statements)
 */
public record HistoryRow(
        int rank,
        MigrationVersion version,
        String description,
        String type,
        String script,
        Integer checksum,
        String installedBy,
        Instant installedOn,
        long executionMs,
        boolean success,
        String deployId,
        int statementsDone,
        Integer statementsChecksum,
        HistoryPhase phase,
        int retries,
        long lockWaitMs) {

    public static final String TYPE_SQL = "SQL";
    public static final String TYPE_BASELINE = "BASELINE";
    /** A phase of a declarative (expand/contract) migration; {@code phase} says which. */
    public static final String TYPE_YAML = "YAML";

    public boolean isVersioned() {
        return version != null;
    }

    public boolean isYaml() {
        return TYPE_YAML.equals(type);
    }

    public boolean isBaseline() {
        return TYPE_BASELINE.equals(type);
    }

    public HistoryRow withDescription(String newDescription) {
        return new HistoryRow(rank, version, newDescription, type, script, checksum, installedBy, installedOn, executionMs,
                success, deployId, statementsDone, statementsChecksum, phase, retries, lockWaitMs);
    }

    /** Rows that record work done outside Underway's files (a baseline, or a Flyway Java migration). */
    public boolean needsNoFile() {
        return !TYPE_SQL.equals(type) && !TYPE_YAML.equals(type);
    }
}
