package dev.underway.plan;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.migration.HistoryPhase;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigrationCategory;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.MigrationState;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;

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
 * validation errors, and what the next migrate will run. Pure: no database access. Declarative
 * (YAML) migrations follow the same rules as SQL ones (an applied file must not change or go
 * away; a pending one must not be older than the latest applied version), but they are started
 * by expand/contract, never part of {@link #pending()}.
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
    /**
     * One validation error: which failure, the migration file it is about, and the message.
     *
     * @param script the file, relative to the directory
     */
    public record Problem(Reason reason, String script, String message) {
    }

    private final List<Problem> errors = new ArrayList<>();
    private final List<PendingMigration> pending = new ArrayList<>();

    private MigrationStates() {
    }

    public static MigrationStates compute(MigrationDirectory dir, List<HistoryRow> history, Options options) {
        MigrationStates s = new MigrationStates();
        s.versioned(dir, history, options);
        s.repeatable(dir.repeatable(), history);
        return s;
    }

    /** What validation compares of a versioned file, SQL or YAML; {@code sql} is null for YAML. */
    private record VersionedFile(MigrationVersion version, String description, String type, String script,
                                 int checksum, MigrationScript sql) {
        static VersionedFile of(MigrationScript f) {
            return new VersionedFile(f.version(), f.description(), HistoryRow.TYPE_SQL, f.script(), f.checksum(), f);
        }

        static VersionedFile of(DeclarativeScript d) {
            return new VersionedFile(d.version(), d.description(), HistoryRow.TYPE_YAML, d.script(), d.checksum(), null);
        }

        boolean isYaml() {
            return sql == null;
        }
    }

    private void versioned(MigrationDirectory dir, List<HistoryRow> history, Options options) {
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
        List<VersionedFile> files = new ArrayList<>();
        dir.versioned().forEach(f -> files.add(VersionedFile.of(f)));
        dir.declarative().forEach(d -> files.add(VersionedFile.of(d)));
        for (VersionedFile f : files) {
            withFile.add(f.version());
            HistoryRow row = rows.get(f.version());
            lines.add(row == null ? unapplied(f, baseline, latest, options)
                    : otherKind(f, row) ? recordedAsOtherKind(f, row)
                    : row.success() ? applied(f, row) : attempted(f.sql(), row, options));
        }
        for (HistoryRow r : rows.values()) {
            if (!withFile.contains(r.version()) && !r.needsNoFile()) {
                lines.add(info(r, MigrationState.MISSING, "file " + r.script() + " is gone from the directory"));
                errors.add(new Problem(Reason.MISSING_FILE, r.script(), "V" + r.version() + " (" + r.script() + ") was " + (r.isYaml() ? started(r) : "applied")
                        + " but its file is missing; restore it, or run repair to forget it"));
            } else if (!withFile.contains(r.version())) {
                lines.add(info(r, MigrationState.APPLIED, r.isBaseline() ? "baseline" : "imported " + r.type()));
            }
        }
        lines.sort(Comparator.comparing(MigrationInfo::version));
        infos.addAll(lines);
    }

    private MigrationInfo unapplied(VersionedFile f, MigrationVersion baseline, MigrationVersion latest, Options o) {
        if (baseline != null && f.version().compareTo(baseline) <= 0) {
            return info(f, null, MigrationState.IGNORED, "at or below the baseline V" + baseline);
        }
        if (latest != null && f.version().compareTo(latest) < 0 && !o.outOfOrder()) {
            errors.add(new Problem(Reason.VERSION_ORDER, f.script(), f.script() + " (V" + f.version() + ") is pending but older than the latest applied version V"
                    + latest + "; rename it to a version above V" + latest + ", or run with " + Setting.OUT_OF_ORDER.ref()));
            return info(f, null, MigrationState.IGNORED, "older than the latest applied version V" + latest);
        }
        if (f.isYaml()) {
            return info(f, null, MigrationState.PENDING, "expand/contract: migrate or start runs it"
                    + (latest != null && f.version().compareTo(latest) < 0 ? "; out of order" : ""));
        }
        if (withinTarget(f.version(), o)) {
            pending.add(new PendingMigration(f.sql(), null, 0));
        }
        return info(f, null, MigrationState.PENDING, latest != null && f.version().compareTo(latest) < 0
                ? "out of order" : null);
    }

    /** A file whose migration is recorded as done (for YAML: started, or started and completed). */
    private MigrationInfo applied(VersionedFile f, HistoryRow row) {
        String what = row.isYaml() ? started(row) : "applied";
        if (row.checksum() != null && row.checksum() != f.checksum()) {
            errors.add(new Problem(Reason.CHECKSUM_CHANGED, f.script(), f.script() + " (V" + f.version() + ") changed after it was " + what + " (checksum "
                    + row.checksum() + " " + what + ", " + f.checksum() + " now); revert the edit and put the change in"
                    + " a new migration, or run repair if the edit is harmless"));
            return info(f, row, MigrationState.APPLIED, (row.isYaml() ? yamlNote(row) + "; " : "")
                    + "file changed since it was " + what);
        }
        if (row.isBaseline()) {
            // The row, not the file: a baseline says "everything up to here was there", whatever the file holds.
            return info(row, MigrationState.APPLIED, "baseline");
        }
        return info(f, row, MigrationState.APPLIED, row.isYaml() ? yamlNote(row) : null);
    }

    /** A SQL file where a YAML migration ran, or the other way round (its own file was replaced). */
    private static boolean otherKind(VersionedFile f, HistoryRow row) {
        return (HistoryRow.TYPE_SQL.equals(row.type()) || row.isYaml()) && !f.type().equals(row.type());
    }

    private MigrationInfo recordedAsOtherKind(VersionedFile f, HistoryRow row) {
        errors.add(new Problem(Reason.HISTORY_MISMATCH, f.script(), f.script() + " (V" + f.version() + ") is a " + f.type() + " migration, but V" + f.version() + " was"
                + " recorded as " + row.type() + " (" + row.script() + "); restore that file, or give this one a new version"));
        return info(f, row, row.success() ? MigrationState.APPLIED : MigrationState.FAILED,
                "recorded as " + row.type() + " migration " + row.script());
    }

    private static String started(HistoryRow yaml) {
        return yaml.phase() == HistoryPhase.START ? "started" : "completed";
    }

    private static String yamlNote(HistoryRow yaml) {
        return "expand/contract, " + (yaml.phase() == HistoryPhase.START ? "started (in flight)" : "completed");
    }

    private MigrationInfo attempted(MigrationScript f, HistoryRow row, Options o) {
        int done = row.statementsDone();
        String resumeNote = "failed after " + done + " of " + f.sql().statements().size() + " statements";
        if (done > f.sql().statements().size()
                || !Objects.equals(row.statementsChecksum(), Checksums.statements(f.sql().statements(), done))) {
            errors.add(new Problem(Reason.CHECKSUM_CHANGED, f.script(), f.script() + " (V" + f.version() + ") failed after " + done + (done == 1 ? " statement" : " statements")
                    + ", and one of those "
                    + "already executed (" + executed(f, done) + ") has been edited since; revert the edit so the "
                    + "migration can resume at statement "
                    + (done + 1) + ", or run repair to forget the failed attempt (its statements then run again from the first)"));
            return info(VersionedFile.of(f), row, MigrationState.FAILED, resumeNote + "; executed statements were edited");
        }
        if (withinTarget(f.version(), o)) {
            pending.add(new PendingMigration(f, row, done));
        }
        return info(VersionedFile.of(f), row, MigrationState.FAILED, resumeNote + "; migrate resumes at statement " + (done + 1));
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

    private static boolean withinTarget(MigrationVersion version, Options o) {
        return o.target() == null || version.compareTo(o.target()) <= 0;
    }

    private static MigrationVersion max(MigrationVersion a, MigrationVersion b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static MigrationInfo info(VersionedFile f, HistoryRow row, MigrationState state, String note) {
        return new MigrationInfo(f.version(), f.description(), MigrationCategory.VERSIONED, f.type(), f.script(), state,
                f.checksum(), row == null ? null : row.installedOn(), row == null ? null : row.executionMs(), note,
                row == null ? null : row.installedBy());
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

    /** Problems that stop migrate and fail validate (exit code 4), as messages for a library caller. */
    public List<String> errors() {
        return errors.stream().map(p -> Setting.render(p.message(), Audience.LIBRARY)).toList();
    }

    /** The same problems with their reasons; messages may hold {@link Setting#ref()} placeholders. */
    public List<Problem> problems() {
        return List.copyOf(errors);
    }

    /**
     * The validation error for these problems ({@code heading} says what was validated): the first problem's reason
     * and file, every problem's message.
     */
    public UnderwayException invalid(String heading) {
        Problem first = errors.get(0);
        return UnderwayException.of(first.reason(), heading + ":\n  "
                + String.join("\n  ", errors.stream().map(Problem::message).toList())).at(first.script(), null);
    }

    /** What the next migrate runs, in order: versioned ones first, then repeatable ones. */
    public List<PendingMigration> pending() {
        return List.copyOf(pending);
    }
}
