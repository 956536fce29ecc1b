package dev.underway.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.underway.BackfillRef;
import dev.underway.ErrorCode;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.BackfillCheckpoint;
import dev.underway.migration.BackfillPlan;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.BackfillState;
import dev.underway.migration.ResumeMode;
import dev.underway.migration.RowChange;
import dev.underway.observe.BackfillListener;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@Command(name = "backfill", description = "Change the rows of a table in small, throttled, resumable batches "
        + "(keyset over its primary key), e.g. --table users --set \"tier = 'free'\".")
final class BackfillCommand extends DatabaseCommand {
    @Option(names = "--table", required = true, description = "The table (schema.table, or a table in --schema).")
    String table;

    @Option(names = "--set", description = "Assignments evaluated on each row's current values: \"col = expr[, col = expr]\". "
            + "Repeatable.")
    List<String> set = new ArrayList<>();

    @Option(names = "--touch", description = "Instead of --set: update each row to itself so its triggers fire.")
    boolean touch;

    @Option(names = "--where", description = "Only rows matching this SQL condition are changed.")
    String where;

    static final class Sizing {
        @Option(names = "--batch-size", description = "A fixed number of rows per batch.")
        Integer batchSize;

        @Option(names = "--target-batch-ms", description = "Adapt the batch size so a batch takes about this long. "
                + "Default: 200.")
        Integer targetMs;
    }

    @ArgGroup(exclusive = true)
    Sizing sizing = new Sizing();

    @Option(names = "--max-rows-per-second", description = "Cap the rate of rows walked.")
    double maxRowsPerSecond;

    @Option(names = "--max-replica-lag", description = "Wait while a replica lags more than this, e.g. 5s "
            + "(PostgreSQL: pg_stat_replication on the primary; MySQL/MariaDB: each --replica-url).")
    Duration maxReplicaLag;

    @Option(names = "--replica-url", description = "A MySQL/MariaDB replica whose SHOW REPLICA STATUS is watched "
            + "(same credentials). Repeatable.")
    List<String> replicaUrls = new ArrayList<>();

    @Option(names = "--throttle-query", description = "SQL returning one number; the backfill waits while it is above "
            + "--throttle-above.")
    String throttleQuery;

    @Option(names = "--throttle-above", description = "The threshold for --throttle-query.")
    Double throttleAbove;

    @Option(names = "--lock-timeout", description = "How long a batch may wait for a row lock before it is rolled back, "
            + "shrunk and retried. Default: the target batch time (MySQL/MariaDB: at least 1s).")
    Duration lockTimeout;

    @Option(names = "--no-catch-up", description = "Skip the passes that re-check rows after the sweep (for "
            + "expressions that are not a function of the row, e.g. now()).")
    boolean noCatchUp;

    @Option(names = "--name", description = "The checkpoint's name. Default: schema.table.")
    String name;

    static final class Action {
        @Option(names = "--resume", description = "Continue from the checkpoint of an earlier run.")
        boolean resume;

        @Option(names = "--restart", description = "Forget the checkpoint of an earlier run and start over.")
        boolean restart;

        @Option(names = "--pause", description = "Make the running backfill of --table (or the one given --name) wait before its next batch.")
        boolean pause;

        @Option(names = "--continue", description = "Let a paused backfill go on.")
        boolean resumePaused;

        @Option(names = "--status", description = "Print the recorded state of the backfill of --table (or the one given --name).")
        boolean status;

        @Option(names = "--dry-run", description = "Check the change and print the batch statements; change nothing.")
        boolean dryRun;
    }

    @ArgGroup(exclusive = true)
    Action action = new Action();

    @Option(names = "--format", description = "text or json (JSON lines of events on stdout). Default: ${DEFAULT-VALUE}.",
            defaultValue = "text")
    Format format;

    @Override
    Set<String> unusedOptions() {
        return Set.of("--dir");
    }

    @Override
    int run(Underway underway) {
        if (action.pause || action.resumePaused) {
            // A backfill given --name is recorded under that name, not under its table.
            String which = name != null ? name : table;
            underway.pauseBackfill(ref(), action.pause);
            out().println(action.pause ? "Paused the backfill " + which + ": it waits before its next batch until "
                    + "underway backfill --table " + table + (name != null ? " --name " + name : "") + " --continue."
                    : "The backfill " + which + " goes on.");
            return 0;
        }
        if (action.status) {
            return printStatus(underway);
        }
        BackfillRequest request = request();
        if (action.dryRun) {
            BackfillPlan plan = underway.backfillPlan(request);
            out().println("-- Backfill " + plan.name() + " of " + plan.table() + " by its " + plan.key().source() + " ("
                    + String.join(", ", plan.key().names()) + "), about " + BackfillConsole.count(plan.estimatedRows())
                    + " rows, walking "
                    + plan.targets().size() + " relation(s). Nothing is changed.");
            plan.sampleSql().forEach(sql -> out().println(sql + ";"));
            return 0;
        }
        BackfillResult result;
        try (BackfillConsole console = new BackfillConsole(err(), System.console() != null)) {
            BackfillListener listener = format == Format.JSON ? new BackfillJsonLines(out()) : console;
            result = underway.backfill(request, listener);
        }
        return report(result);
    }

    private BackfillRequest request() {
        if (touch != set.isEmpty()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "give the change with --set \"column = expression\" (repeatable) or --touch");
        }
        BackfillRequest.Builder b = BackfillRequest.builder(table).schema(target.schema).where(where).name(name)
                .batchSize(sizing.batchSize).maxRowsPerSecond(maxRowsPerSecond).catchUp(!noCatchUp)
                .resume(action.resume ? ResumeMode.RESUME : action.restart ? ResumeMode.RESTART : ResumeMode.NEW);
        if (touch) {
            b.change(RowChange.touch());
        } else {
            b.set(String.join(", ", set));
        }
        if (sizing.targetMs != null) {
            b.targetBatchTime(Duration.ofMillis(sizing.targetMs));
        }
        if (maxReplicaLag != null) {
            b.maxReplicaLag(maxReplicaLag);
        }
        replicaUrls.forEach(b::replicaUrl);
        if (throttleQuery != null || throttleAbove != null) {
            b.throttleQuery(throttleQuery, throttleAbove == null ? Double.NaN : throttleAbove);
        }
        if (lockTimeout != null) {
            b.lockTimeout(lockTimeout);
        }
        return b.build();
    }

    private int report(BackfillResult r) {
        if (format == Format.JSON) {
            out().println(Json.line(finished(r)));
        } else if (r.alreadyDone()) {
            out().println("Backfill " + r.name() + " had finished already (" + BackfillConsole.count(r.rowsChanged())
                    + " rows changed); "
                    + "nothing to do. Use --restart to run it again.");
        } else {
            out().printf(Locale.ROOT, "Backfilled %s: %,d rows changed in %,d batches in %.1f s (%,d rows walked by this"
                            + " run; longest batch %d ms, row locks held at most %d ms; %d retries)%s%n", r.table(), r.rowsChanged(),
                    r.batches(), r.took().toMillis() / 1000.0, r.rowsWalked(),
                    r.longestBatchMillis(), r.longestLockMillis(), r.retries(), catchUp(r));
        }
        if (Boolean.FALSE.equals(r.converged())) {
            err().println("error: rows of " + r.table() + " still differed from their expressions after "
                    + r.catchUpPasses() + " catch-up passes: the application keeps writing them. Make it maintain the "
                    + "columns (or add a trigger), then run the backfill again with --restart");
            return ErrorCode.FAILED.exitCode();
        }
        return 0;
    }

    static BackfillEvent.Finished finished(BackfillResult r) {
        return new BackfillEvent.Finished(r.name(), r.table(), r.rowsWalked(), r.rowsChanged(), r.batches(),
                r.catchUpPasses(), r.converged(), r.catchUpSkipped(), r.longestBatchMillis(), r.longestLockMillis(),
                r.retries(), r.took().toMillis(), r.resumed(), r.alreadyDone());
    }

    private static String catchUp(BackfillResult r) {
        if (r.catchUpSkipped() != null) {
            return ". Catch-up skipped: " + r.catchUpSkipped();
        }
        if (r.converged() == null) {
            return ".";
        }
        return ". " + r.catchUpPasses() + " catch-up pass(es) " + (r.converged() ? "found every row up to date."
                : "still found rows that differ from their expressions.");
    }

    /** A backfill given --name is recorded under that name, not under its table. */
    private BackfillRef ref() {
        return name != null ? BackfillRef.named(name) : BackfillRef.table(table);
    }

    private int printStatus(Underway underway) {
        String which = name != null ? name : table;
        BackfillState s = underway.backfillStatus(ref())
                .orElseThrow(() -> UnderwayException.of(Reason.NO_CHECKPOINT, "no backfill " + which + " is recorded"));
        out().println(format == Format.JSON ? Json.write(status(s)) : "Backfill " + s.name() + ": " + s.status()
                + (s.paused() ? " (paused flag set)" : "") + ", " + s.passName() + ", "
                + BackfillConsole.count(s.checkpoint().rowsDone()) + " of ~" + BackfillConsole.count(s.estimatedRows())
                + " rows walked, " + BackfillConsole.count(s.checkpoint().rowsChanged()) + " changed in all passes, "
                + s.position() + (s.message() == null ? "" : "; " + s.message()));
        return 0;
    }

    /** {@code backfill --status --format json}: the recorded state, its checkpoint spelled out. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StatusJson(String name, String table, String status, boolean paused, String change, String predicate,
                      int pass, String passKind, String target, List<String> lastKey, Long nextPage, long rowsDone,
                      long rowsChanged, long batches, long estimatedRows, String message, Instant startedOn,
                      Instant updatedOn) {
    }

    static StatusJson status(BackfillState s) {
        BackfillCheckpoint cp = s.checkpoint();
        return new StatusJson(s.name(), s.targetSchema() + "." + s.table(), s.status().text(), s.paused(), s.change(),
                s.predicate(), cp.pass(), cp.pass() == 0 ? "sweep" : "catch-up", cp.target(),
                s.pagePosition() ? null : cp.lastKey(), s.pagePosition() ? Long.valueOf(cp.lastKey().get(0)) : null,
                cp.rowsDone(), cp.rowsChanged(), cp.batches(), s.estimatedRows(), s.message(), s.startedOn(),
                s.updatedOn());
    }
}
