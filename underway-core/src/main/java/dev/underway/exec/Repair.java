package dev.underway.exec;

import dev.underway.observe.MigrationListener;
import dev.underway.plan.MigrationScript;
import dev.underway.plan.MigrationVersion;
import dev.underway.state.HistoryRow;

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
 * rows of applied migrations whose files were deleted.
 */
public final class Repair {

    /** What repair changed, as {@code V3 (V3__x.sql)} labels. */
    public record Result(List<String> removedFailed, List<String> realigned, List<String> removedMissing) {
        public boolean changedNothing() {
            return removedFailed.isEmpty() && realigned.isEmpty() && removedMissing.isEmpty();
        }
    }

    private final Workspace w;
    private final MigrationListener listener;

    public Repair(Workspace w, MigrationListener listener) {
        this.w = w;
        this.listener = listener;
    }

    public Result run() {
        try (MigrationLock lock = w.lock(listener); Connection c = w.db().open()) {
            w.history().create(c);
            Map<MigrationVersion, MigrationScript> files = new HashMap<>();
            w.dir().versioned().forEach(f -> files.put(f.version(), f));
            Map<String, MigrationScript> repeatables = new HashMap<>();
            w.dir().repeatable().forEach(f -> repeatables.put(f.description(), f));
            Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            c.setAutoCommit(false);
            for (HistoryRow r : w.history().load(c)) {
                MigrationScript file = r.isVersioned() ? files.get(r.version()) : repeatables.get(r.description());
                String label = (r.isVersioned() ? "V" + r.version() : "R \"" + r.description() + "\"") + " (" + r.script() + ")";
                if (!r.success()) {
                    w.history().delete(c, r.rank());
                    result.removedFailed().add(label);
                } else if (file == null && r.isVersioned() && !r.needsNoFile()) {
                    w.history().delete(c, r.rank());
                    result.removedMissing().add(label);
                } else if (file != null && r.isVersioned() && !r.needsNoFile() && !Integer.valueOf(file.checksum()).equals(r.checksum())) {
                    w.history().realign(c, r.rank(), file.checksum(), file.description());
                    result.realigned().add(label);
                }
            }
            c.commit();
            return result;
        } catch (SQLException e) {
            throw w.failure("repairing the history", e);
        }
    }
}
