package dev.underway.expand;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.HistoryPhase;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.Phase;
import dev.underway.op.YamlMigration;
import dev.underway.state.HistoryTable;
import dev.underway.state.InFlight;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What earlier runs finished, for a phase run again with nothing left to do: killed right after its
 * last commit (after it printed "Completed V2", say), a run cannot tell the user's retry from a
 * mistake by the in-flight state alone. The history can: a rerun that finds its phase done says
 * so and succeeds, as {@code backfill --resume} does; a different file under the same version is
 * still refused.
 */
final class EarlierRuns {
    private final HistoryTable history;
    private final String schema;

    EarlierRuns(HistoryTable history, String schema) {
        this.history = history;
        this.schema = schema;
    }

    /** {@code V2}, {@code v2} or {@code 2} as the version in flight records it; null stays null. */
    static String normalize(String version) {
        if (version == null) {
            return null;
        }
        String v = version.startsWith("V") || version.startsWith("v") ? version.substring(1) : version;
        return MigrationVersion.parse(v).toString();
    }

    /** Start of a file whose start already finished: in flight as started (or completing), or completed. */
    Optional<String> startDone(Connection c, YamlMigration m, Optional<InFlight> mine) throws SQLException {
        if (mine.isPresent()) {
            InFlight row = mine.get();
            if (row.checksum() != m.checksum()) {
                return Optional.empty();
            }
            return switch (row.phase()) {
                case STARTED -> Optional.of(m.label() + " is already started" + latest(c, row.version())
                        .filter(r -> r.phase() == HistoryPhase.START).map(r -> " (on " + r.installedOn() + ")")
                        .orElse("") + "; it waits for complete or rollback");
                case COMPLETE -> Optional.of(m.label() + " is already started, and its complete stopped after "
                        + row.actionsDone() + " actions: run complete again to finish it");
                default -> Optional.empty();
            };
        }
        Optional<HistoryRow> last = latest(c, m.version().toString());
        if (last.isEmpty() || !last.get().success() || last.get().phase() != HistoryPhase.COMPLETE) {
            return Optional.empty();
        }
        HistoryRow r = last.get();
        if (r.checksum() != null && r.checksum() != m.checksum()) {
            throw UnderwayException.of(Reason.CHECKSUM_CHANGED, m.script() + " changed since " + m.label() + " was completed on "
                    + r.installedOn() + " (checksum " + r.checksum() + " then, " + m.checksum() + " now); revert the"
                    + " edit and put the change in a new migration");
        }
        return Optional.of(m.label() + " is already started and completed (on " + r.installedOn() + ")");
    }

    /**
     * Complete or rollback with nothing in flight under that version (or nothing at all, without one), when
     * the last phase the history records for it is this one.
     */
    Optional<String> phaseDone(Connection c, String version, Phase phase, List<InFlight> inFlight) throws SQLException {
        String wanted = normalize(version);
        if (wanted == null ? !inFlight.isEmpty() : inFlight.stream().anyMatch(f -> f.version().equals(wanted))) {
            return Optional.empty();
        }
        Optional<HistoryRow> last = latest(c, wanted);
        if (last.isEmpty() || last.get().phase() != phase.history()) {
            return Optional.empty();
        }
        HistoryRow r = last.get();
        return Optional.of("V" + r.version() + (phase == Phase.COMPLETE ? " is already completed" : " is already rolled"
                + " back") + " (on " + r.installedOn() + ")" + (wanted == null ? "; no declarative migration is in"
                + " flight on schema " + schema : ""));
    }

    /** The version a phase run is about: the one given, or that of the latest declarative phase recorded. */
    String version(Connection c, String version) throws SQLException {
        String wanted = normalize(version);
        return wanted != null ? wanted : latest(c, null).map(r -> r.version().toString()).orElse(null);
    }

    /** Whether the start of this version finished (and was not rolled back since). */
    boolean startFinished(Connection c, String version) throws SQLException {
        return history.load(c).stream().anyMatch(r -> r.isYaml() && r.success()
                && r.phase() == HistoryPhase.START && r.version().toString().equals(version));
    }

    private Optional<HistoryRow> latest(Connection c, String version) throws SQLException {
        return history.load(c).stream().filter(HistoryRow::isYaml)
                .filter(r -> version == null || r.version().toString().equals(version)).reduce((a, b) -> b);
    }
}
