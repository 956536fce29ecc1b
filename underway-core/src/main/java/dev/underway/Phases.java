package dev.underway;

import dev.underway.expand.ExpandContract;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationStatus;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PhaseResult;
import dev.underway.op.YamlMigration;

import java.nio.file.Path;
import java.util.List;

/**
 * The phases of declarative (YAML) expand/contract migrations on one target (PostgreSQL): start, complete and
 * rollback, each with its dry run ({@code plan*}: takes no lock, changes nothing), and what is in flight. Every
 * phase takes migrate's lock for its run. Obtained from {@link Underway#expandContract}.
 */
public final class Phases {
    private final ExpandContract engine;

    Phases(ExpandContract engine) {
        this.engine = engine;
    }

    /**
     * The actions {@link #start(Path)} would run: reads and checks the file and the target's catalog, takes no lock
     * and changes nothing.
     *
     * @param file a {@code V<version>__<description>.yaml} file in pgroll's format
     * @throws UnderwayException {@link Reason#BAD_FILE} for a file that is not a valid migration,
     *                           {@link Reason#FILE_ACCESS} for one that cannot be read
     */
    public PhasePlan planStart(Path file) {
        return planStart(YamlMigration.read(file));
    }

    /**
     * Expands with the migration in {@code file}: creates the new schema version beside the old one, both usable
     * until complete or rollback. Takes the migration lock.
     *
     * @param file a {@code V<version>__<description>.yaml} file in pgroll's format
     * @throws UnderwayException {@link Reason#BAD_FILE} for a file that is not a valid migration,
     *                           {@link Reason#FILE_ACCESS} for one that cannot be read,
     *                           {@link Reason#ALREADY_IN_FLIGHT} when it is in flight already past its start,
     *                           {@link Reason#REFUSED_OPERATION} for an operation refused before it changes anything
     */
    public PhaseResult start(Path file) {
        return start(YamlMigration.read(file));
    }

    /** The actions {@link #start(YamlMigration)} would run. */
    public PhasePlan planStart(YamlMigration migration) {
        return engine.planStart(migration);
    }

    /** Expands: creates the new schema version beside the old one, both usable until complete or rollback. */
    public PhaseResult start(YamlMigration migration) {
        return engine.start(migration);
    }

    /** The actions {@link #complete(String)} would run; {@code version} null: the only migration in flight. */
    public PhasePlan planComplete(String version) {
        return engine.planComplete(version);
    }

    /** Contracts: drops the old schema version; {@code version} null: the only migration in flight. */
    public PhaseResult complete(String version) {
        return engine.complete(version);
    }

    /** The actions {@link #rollback(String)} would run; {@code version} null: the only migration in flight. */
    public PhasePlan planRollback(String version) {
        return engine.planRollback(version);
    }

    /** Undoes a start; {@code version} null: the only migration in flight. */
    public PhaseResult rollback(String version) {
        return engine.rollback(version);
    }

    /** The migrations in flight (started, not completed or rolled back). Reads only. */
    public List<MigrationStatus> status() {
        return engine.status();
    }

    /** The history of the target schema (empty before the first run). Reads only. */
    public List<HistoryRow> history() {
        return engine.history();
    }
}
