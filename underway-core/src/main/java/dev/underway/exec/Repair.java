package dev.underway.exec;

import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.RepairResult;
import dev.underway.observe.MigrationListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * repair: make the history agree with the directory again, after a human has checked that
 * this is right. Removes failed attempts (their migrations then run again from the first
 * statement), accepts the current checksum of applied files that were edited, and removes
 * rows of applied migrations whose files were deleted; YAML migrations' rows (one per phase)
 * like SQL ones. The rows of rolled-back YAML migrations are a record, not failed attempts: kept.
 */
public final class Repair {

    /** What repair needs of a file: the checksum to accept and the description that goes with it. */
    private record VersionedFile(int checksum, String description) { }

    private final Workspace w;
    private final MigrationListener listener;

    public Repair(Workspace w, MigrationListener listener) {
        this.w = w;
        this.listener = listener;
    }

    public RepairResult run() {
        try (MigrationLock lock = w.lock(listener); Connection c = w.db().open()) {
            PrivilegeCheck.of("repair", w.db()).stateTable(w.history().name(), "SELECT", "UPDATE", "DELETE").require(c);
            w.history().create(c);
            Map<MigrationVersion, VersionedFile> files = new HashMap<>();
            w.dir().versioned().forEach(f -> files.put(f.version(), new VersionedFile(f.checksum(), f.description())));
            w.dir().declarative().forEach(f -> files.put(f.version(), new VersionedFile(f.checksum(), f.description())));
            List<String> removedFailed = new ArrayList<>();
            List<String> realigned = new ArrayList<>();
            List<String> removedMissing = new ArrayList<>();
            c.setAutoCommit(false);
            for (HistoryRow r : w.history().load(c)) {
                VersionedFile file = r.isVersioned() ? files.get(r.version()) : null;
                String label = (r.isVersioned() ? "V" + r.version() : "R \"" + r.description() + "\"") + " (" + r.script() + ")";
                if (r.isYaml() && !r.success()) {
                    continue;
                }
                if (!r.success()) {
                    w.history().delete(c, r.rank());
                    removedFailed.add(label);
                } else if (file == null && r.isVersioned() && !r.needsNoFile()) {
                    w.history().delete(c, r.rank());
                    addOnce(removedMissing, label);
                } else if (file != null && r.isVersioned() && !r.needsNoFile() && !Integer.valueOf(file.checksum()).equals(r.checksum())) {
                    w.history().realign(c, r.rank(), file.checksum(), file.description());
                    addOnce(realigned, label);
                }
            }
            c.commit();
            return new RepairResult(removedFailed, realigned, removedMissing);
        } catch (SQLException e) {
            throw w.failure("repairing the history", e);
        }
    }

    /** A YAML migration has a row per phase; it is listed once. */
    private static void addOnce(List<String> labels, String label) {
        if (!labels.contains(label)) {
            labels.add(label);
        }
    }
}
