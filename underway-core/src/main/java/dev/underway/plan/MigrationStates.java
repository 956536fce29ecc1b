package dev.underway.plan;

import dev.underway.sql.SqlStatement;
import dev.underway.state.HistoryRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the migration directory with the history table: the state of every migration, the
 * validation errors, and what the next migrate will run. Pure: no database access.
 */
public final class MigrationStates {
    /**
     * @param outOfOrder apply pending migrations older than the latest applied one instead of refusing
     * @param target     the highest version to apply (null: all)
     */
    public record Options(boolean outOfOrder, MigrationVersion target) {
        public static final Options DEFAULT = new Options(false, null);
    }

    private final List<MigrationInfo> infos = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<PendingMigration> pending = new ArrayList<>();

    private MigrationStates() {
    }

    public static MigrationStates compute(MigrationDirectory dir, List<HistoryRow> history, Options options) {
        MigrationStates s = new MigrationStates();
        s.versioned(dir.versioned(), history, options);
        s.repeatable(dir.repeatable(), history);
        return s;
    }

    private void versioned(List<MigrationScript> files, List<HistoryRow> history, Options options) {
        Map<MigrationVersion, HistoryRow> rows = new HashMap<>();
        MigrationVersion baseline = null;
        MigrationVersion latest = null;
        for (HistoryRow r : history) {
            if (!r.isVersioned() || r.isYaml() && !r.success()) {
                continue;
            }
            rows.put(r.version(), r);
            if (r.isBaseline()) {
                baseline = max(baseline, r.version());
            }
            if (r.success()) {
                latest = max(latest, r.version());
            }
        }
        Set<MigrationVersion> withFile = new HashSet<>();
        List<MigrationInfo> lines = new ArrayList<>();
        for (MigrationScript f : files) {
            withFile.add(f.version());
            HistoryRow row = rows.get(f.version());
            lines.add(row == null ? unapplied(f, baseline, latest, options) : attempted(f, row, options));
        }
        for (HistoryRow r : rows.values()) {
            if (!withFile.contains(r.version()) && !r.needsNoFile()) {
                lines.add(info(r, MigrationState.MISSING, "file " + r.script() + " is gone from the directory"));
                errors.add("V" + r.version() + " (" + r.script() + ") was applied but its file is missing;"
                        + " restore it, or run repair to forget it");
            } else if (!withFile.contains(r.version())) {
                lines.add(info(r, MigrationState.APPLIED, r.isBaseline() ? "baseline"
                        : r.isYaml() ? "expand/contract, " + (HistoryRow.PHASE_START.equals(r.phase())
                        ? "started (in flight)" : "completed") : "imported " + r.type()));
            }
        }
        lines.sort(Comparator.comparing(MigrationInfo::version));
        infos.addAll(lines);
    }

    private MigrationInfo unapplied(MigrationScript f, MigrationVersion baseline, MigrationVersion latest, Options o) {
        if (baseline != null && f.version().compareTo(baseline) <= 0) {
            return info(f, null, MigrationState.IGNORED, "at or below the baseline V" + baseline);
        }
        if (latest != null && f.version().compareTo(latest) < 0 && !o.outOfOrder()) {
            errors.add(f.script() + " (V" + f.version() + ") is pending but older than the latest applied version V"
                    + latest + "; rename it to a version above V" + latest + ", or run with --out-of-order");
            return info(f, null, MigrationState.IGNORED, "older than the latest applied version V" + latest);
        }
        if (withinTarget(f, o)) {
            pending.add(new PendingMigration(f, null, 0));
        }
        return info(f, null, MigrationState.PENDING, latest != null && f.version().compareTo(latest) < 0
                ? "out of order" : null);
    }

    private MigrationInfo attempted(MigrationScript f, HistoryRow row, Options o) {
        if (row.success()) {
            if (row.checksum() != null && row.checksum() != f.checksum()) {
                errors.add(f.script() + " (V" + f.version() + ") changed after it was applied (checksum "
                        + row.checksum() + " applied, " + f.checksum() + " now); revert the edit and put the change in"
                        + " a new migration, or run repair if the edit is harmless");
                return info(f, row, MigrationState.APPLIED, "file changed since it was applied");
            }
            if (row.isBaseline()) {
                // The row, not the file: a baseline says "everything up to here was there", whatever the file holds.
                return new MigrationInfo(f.version(), row.description(), f.category(), row.type(), row.script(),
                        MigrationState.APPLIED, row.checksum(), row.installedOn(), row.executionMs(),
                        "baseline", row.installedBy());
            }
            return info(f, row, MigrationState.APPLIED, null);
        }
        int done = row.statementsDone();
        String resumeNote = "failed after " + done + " of " + f.sql().statements().size() + " statements";
        if (done > f.sql().statements().size()
                || !Objects.equals(row.statementsChecksum(), Checksums.statements(f.sql().statements(), done))) {
            errors.add(f.script() + " (V" + f.version() + ") failed after " + done + (done == 1 ? " statement" : " statements")
                    + ", and one of those "
                    + "already executed (" + executed(f, done) + ") has been edited since; revert the edit so the "
                    + "migration can resume at statement "
                    + (done + 1) + ", or run repair to forget the failed attempt (its statements then run again from the first)");
            return info(f, row, MigrationState.FAILED, resumeNote + "; executed statements were edited");
        }
        if (withinTarget(f, o)) {
            pending.add(new PendingMigration(f, row, done));
        }
        return info(f, row, MigrationState.FAILED, resumeNote + "; migrate resumes at statement " + (done + 1));
    }

    /**
     * Where the executed statements are in the file as it is now. Only a checksum of all of them together is
     * recorded, so which one was edited cannot be told; the range is where to compare with the version that ran.
     */
    private static String executed(MigrationScript f, int done) {
        List<SqlStatement> statements = f.sql().statements();
        int shown = Math.min(done, statements.size());
        int first = statements.get(0).line();
        int last = statements.get(shown - 1).lastLine();
        String lines = first == last ? "line " + first : "lines " + first + "-" + last;
        String which = done == 1 ? "statement 1" : "statements 1-" + done;
        return done > statements.size()
                ? which + "; the file now has only " + statements.size() + ", at " + lines
                : which + ", now at " + lines;
    }

    private void repeatable(List<MigrationScript> files, List<HistoryRow> history) {
        Map<String, HistoryRow> latest = new HashMap<>();
        for (HistoryRow r : history) {
            if (!r.isVersioned()) {
                latest.put(r.description(), r);
            }
        }
        Set<String> withFile = new HashSet<>();
        for (MigrationScript f : files) {
            withFile.add(f.description());
            HistoryRow row = latest.get(f.description());
            if (row == null) {
                pending.add(new PendingMigration(f, null, 0));
                infos.add(info(f, null, MigrationState.PENDING, null));
            } else if (!row.success()) {
                boolean sameFile = Objects.equals(row.statementsChecksum(),
                        Checksums.statements(f.sql().statements(), Math.min(row.statementsDone(), f.sql().statements().size())));
                int resumeAt = sameFile && row.statementsDone() <= f.sql().statements().size() ? row.statementsDone() : 0;
                pending.add(new PendingMigration(f, row, resumeAt));
                infos.add(info(f, row, MigrationState.FAILED, resumeAt > 0
                        ? "failed; migrate resumes at statement " + (resumeAt + 1)
                        : "failed; migrate runs it again from the first statement"));
            } else if (!Objects.equals(row.checksum(), f.checksum())) {
                pending.add(new PendingMigration(f, null, 0));
                infos.add(info(f, row, MigrationState.OUTDATED, "changed since it last ran; migrate re-applies it"));
            } else {
                infos.add(info(f, row, MigrationState.APPLIED, null));
            }
        }
        for (HistoryRow r : latest.values()) {
            if (!withFile.contains(r.description())) {
                infos.add(info(r, MigrationState.MISSING, "repeatable file " + r.script() + " is gone (not an error)"));
            }
        }
    }

    private static boolean withinTarget(MigrationScript f, Options o) {
        return o.target() == null || f.version().compareTo(o.target()) <= 0;
    }

    private static MigrationVersion max(MigrationVersion a, MigrationVersion b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static MigrationInfo info(MigrationScript f, HistoryRow row, MigrationState state, String note) {
        return new MigrationInfo(f.version(), f.description(), f.category(), HistoryRow.TYPE_SQL, f.script(), state,
                f.checksum(), row == null ? null : row.installedOn(), row == null ? null : row.executionMs(), note,
                row == null ? null : row.installedBy());
    }

    private static MigrationInfo info(HistoryRow r, MigrationState state, String note) {
        return new MigrationInfo(r.version(), r.description(),
                r.isVersioned() ? MigrationCategory.VERSIONED : MigrationCategory.REPEATABLE, r.type(), r.script(),
                state, r.checksum(), r.installedOn(), r.executionMs(), note, r.installedBy());
    }

    public List<MigrationInfo> infos() {
        return List.copyOf(infos);
    }

    /** Problems that stop migrate and fail validate (exit code 4). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** What the next migrate runs, in order: versioned ones first, then repeatable ones. */
    public List<PendingMigration> pending() {
        return List.copyOf(pending);
    }
}
