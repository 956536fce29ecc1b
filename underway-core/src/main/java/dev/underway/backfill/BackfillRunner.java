package dev.underway.backfill;

import dev.underway.Durations;
import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Redaction;
import dev.underway.exec.Backoff;
import dev.underway.exec.MigrationExecutor;
import dev.underway.migration.BackfillCheckpoint;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.BackfillStatus;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.QualifiedName;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.BackfillProgress;
import dev.underway.state.BackfillStateTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Executes a {@link CheckedBackfill}: the sweep over every target in key order, then catch-up
 * passes until one finds nothing left to change. Batches that hit a lock timeout, deadlock or
 * statement timeout are rolled back, shrunk and retried with backoff; any other error stops
 * the run with the checkpoint of the last committed batch kept for {@code --resume}.
 */
final class BackfillRunner {
    private static final Duration BACKOFF_START = Duration.ofMillis(50);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(5);

    private final Dialect dialect;
    private final CheckedBackfill plan;
    private final BackfillStateTable state;
    private final Throttles throttles;
    private final BackfillListener listener;
    private final BatchTransaction batch;
    private final BatchSizer sizer;
    private final BatchSizer pageSizer;
    private final PageWalk pages;
    private boolean rewritten;
    /** Rows one pass walks: the estimate until a sweep has counted them. */
    private long rowsPerPass;
    private final long startNanos = System.nanoTime();
    private long walkedThisRun;
    private long longestBatch;
    private long longestLock;
    private int retries;
    private String catchUpSkipped;
    /** The checkpoint of the last committed batch (where a resumed run starts). */
    private BackfillCheckpoint reached;
    /** Whether this run has checked its first batch for expressions that differ again right after (now(), n + 1). */
    private boolean checked;

    /** @param catchUpSkipped why an earlier run of this backfill skipped catch-up passes (a resume keeps it), or null */
    BackfillRunner(Dialect dialect, CheckedBackfill plan, BackfillStateTable state, Throttles throttles,
                   BackfillListener listener, String catchUpSkipped) {
        this.dialect = dialect;
        this.catchUpSkipped = catchUpSkipped;
        this.plan = plan;
        this.state = state;
        this.throttles = throttles;
        this.listener = listener;
        this.batch = new BatchTransaction(plan, state);
        BackfillRequest r = plan.request();
        // Under a rows-per-second cap no batch is larger than one second's worth.
        int rateCap = r.maxRowsPerSecond() > 0 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, r.maxRowsPerSecond()))
                : Integer.MAX_VALUE;
        this.sizer = r.batchSize() != null ? BatchSizer.fixed(r.batchSize(), rateCap)
                : BatchSizer.adaptive(r.targetBatchTime().toMillis(), rateCap);
        this.rowsPerPass = plan.estimatedRows();
        this.pageSizer = BatchSizer.adaptive(r.targetBatchTime().toMillis(), BatchSizer.MAX);
        this.pages = dialect.batches().pageRanges().map(p -> new PageWalk(plan, state, p)).orElse(null);
    }

    BackfillResult run(Connection c, BackfillCheckpoint from, boolean resumed) throws SQLException, InterruptedException {
        reached = from;
        try {
            return sweepAndCatchUp(c, from, resumed);
        } catch (SQLException | InterruptedException e) {
            // A cancelled throttle probe, or a sleep cut short: the stop request is what happened.
            if (Interruption.process().requested()) {
                throw interrupted();
            }
            throw e;
        }
    }

    private BackfillResult sweepAndCatchUp(Connection c, BackfillCheckpoint from, boolean resumed)
            throws SQLException, InterruptedException {
        BackfillCheckpoint cp = from;
        Boolean converged = null;
        int passes = 0;
        while (true) {
            boolean resumedMidPass = cp.target() != null;
            listener.passStarted(plan.name(), cp.pass());
            long changedBefore = cp.rowsChanged();
            cp = pass(c, cp);
            if (cp.pass() == 0 && cp.rowsDone() > 0) {
                rowsPerPass = cp.rowsDone();
            }
            if (cp.pass() > 0) {
                passes++;
                converged = cp.rowsChanged() == changedBefore && !resumedMidPass && !rewritten;
            }
            boolean more = plan.catchUp() && catchUpSkipped == null && !Boolean.TRUE.equals(converged)
                    && cp.pass() < plan.request().maxCatchUpPasses();
            if (!more) {
                break;
            }
            cp = new BackfillCheckpoint(cp.pass() + 1, null, null, 0, cp.rowsChanged(), cp.batches());
            c.setAutoCommit(true);
            state.save(c, plan.name(), cp);
            reached = cp;
        }
        return new BackfillResult(plan.name(), plan.table().toString(), walkedThisRun, cp.rowsChanged(), cp.batches(),
                passes, catchUpSkipped != null ? null : converged, catchUpSkipped, longestBatch, longestLock, retries,
                Duration.ofNanos(System.nanoTime() - startNanos), resumed, false);
    }

    /** One pass over every target, starting where the checkpoint stands. */
    private BackfillCheckpoint pass(Connection c, BackfillCheckpoint cp) throws SQLException, InterruptedException {
        boolean catchUp = cp.pass() > 0;
        rewritten = false;
        List<QualifiedName> targets = plan.targets();
        for (QualifiedName target : targets) {
            // Targets are walked in name order, so a checkpoint's target tells which ones are done.
            if (cp.target() != null && target.toString().compareTo(cp.target()) < 0) {
                continue;
            }
            List<String> lower = target.toString().equals(cp.target()) ? cp.lastKey() : null;
            if (catchUp && pages != null) {
                long storage = pages.storage(c, target);
                cp = walkPages(c, target, lower == null ? 0 : Long.parseLong(lower.get(0)), cp);
                rewritten |= pages.storage(c, target) != storage;
            } else {
                cp = walk(c, target, lower, catchUp, cp);
            }
        }
        return cp;
    }

    /** A catch-up pass by page ranges; its checkpoint's last key is the next page. */
    private BackfillCheckpoint walkPages(Connection c, QualifiedName target, long page, BackfillCheckpoint cp)
            throws SQLException, InterruptedException {
        while (true) {
            stopIfRequested();
            throttles.awaitClear(listener);
            long start = System.nanoTime();
            BackfillCheckpoint done = cp;
            long from = page;
            int[] size = new int[1];
            PageWalk.Outcome o = withRetries(pageSizer, target, List.of(Long.toString(from)), cp,
                    n -> pages.batch(c, target, from, size[0] = n, rowsPerPass, done));
            if (o == null) {
                return cp;
            }
            long walked = o.walked();
            cp = new BackfillCheckpoint(cp.pass(), target.toString(), List.of(Long.toString(o.nextPage())),
                    cp.rowsDone() + walked, cp.rowsChanged() + o.changed(), cp.batches() + 1);
            reached = cp;
            record(o.millis(), o.lockMillis(), walked);
            pageSizer.record(size[0], o.millis());
            throttles.paced((int) walked, start);
            listener.batchDone(progress(cp, size[0], o.millis()));
            page = o.nextPage();
        }
    }

    private void record(long millis, long lockMillis, long walked) {
        walkedThisRun += walked;
        longestBatch = Math.max(longestBatch, millis);
        longestLock = Math.max(longestLock, lockMillis);
    }

    private BackfillCheckpoint walk(Connection c, QualifiedName target, List<String> lower, boolean catchUp,
                                    BackfillCheckpoint cp) throws SQLException, InterruptedException {
        while (true) {
            stopIfRequested();
            throttles.awaitClear(listener);
            int size = sizer.size();
            long start = System.nanoTime();
            List<String> from = lower;
            BackfillCheckpoint done = cp;
            BatchTransaction.Outcome o = withRetries(sizer, target, lower, cp,
                    n -> batch.run(c, target, from, n, catchUp, done));
            if (o.upper() == null) {
                return cp;
            }
            if (!checked && cp.pass() == 0 && plan.catchUp() && catchUpSkipped == null) {
                // The first batch of every run checks, a resumed one too: a kill may have come before the first run's
                // decision was recorded.
                checkDeterministic(c, target, lower, o);
                checked = true;
            }
            cp = new BackfillCheckpoint(cp.pass(), target.toString(), o.upper(), cp.rowsDone() + o.walked(),
                    cp.rowsChanged() + o.changed(), cp.batches() + 1);
            reached = cp;
            record(o.millis(), o.lockMillis(), o.walked());
            sizer.record(o.walked(), o.millis());
            throttles.paced(o.walked(), start);
            listener.batchDone(progress(cp, size, o.millis()));
            lower = o.upper();
        }
    }

    /** One attempt of a batch of the given size. */
    private interface Attempt<T> {
        T run(int size) throws SQLException;
    }

    /**
     * Runs a batch; after a lock timeout, deadlock, serialization failure or statement timeout it
     * shrinks the batch and tries again after a backoff, until the retry budget is spent.
     */
    private <T> T withRetries(BatchSizer sizes, QualifiedName target, List<String> lower, BackfillCheckpoint cp,
                              Attempt<T> attempt) throws SQLException, InterruptedException {
        Backoff backoff = null;
        while (true) {
            try {
                return attempt.run(sizes.size());
            } catch (SQLException e) {
                stopIfRequested();
                ErrorKind kind = dialect.errors().classify(e);
                if (!kind.isTransient() && kind != ErrorKind.STATEMENT_TIMEOUT) {
                    throw failed(target, lower, cp, e);
                }
                backoff = backoff == null ? new Backoff(BACKOFF_START, BACKOFF_MAX, plan.request().retryBudget()) : backoff;
                Duration wait = backoff.next();
                if (wait == null) {
                    throw UnderwayException.of(Reason.BLOCKED, "gave up on the backfill of " + plan.table() + " after "
                            + Durations.format(backoff.elapsed()) + " of retries: batches after " + lower
                            + " kept failing with " + kind + " (" + Redaction.message(e) + "). Find the long"
                            + " transaction holding row locks; the checkpoint is kept, run again with " + Setting.BACKFILL_RESUME.ref()).table(plan.table().toString());
                }
                sizes.failed(kind);
                retries++;
                listener.retrying(plan.name(), kind + ": " + Redaction.message(e), backoff.attempts(), wait, sizes.size());
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** Re-reads the first batch's rows: if they differ again at once, the expression is not a function of the row. */
    private void checkDeterministic(Connection c, QualifiedName target, List<String> lower, BatchTransaction.Outcome o)
            throws SQLException {
        long differing = batch.differing(c, target, lower, o.upper());
        if (differing > 0 && differing * 2 >= o.changed()) {
            catchUpSkipped = differing + " of the " + o.changed() + " rows of the first batch differed from their"
                    + " expressions right after it (now(), random() or another session's data in SET?)";
            // Recorded at once, so that a run killed before it ends resumes without catch-up passes as well.
            c.setAutoCommit(true);
            state.status(c, plan.name(), BackfillStatus.RUNNING,
                    dev.underway.migration.BackfillState.CATCH_UP_SKIPPED + catchUpSkipped);
            listener.catchUpSkipped(plan.name(), catchUpSkipped);
        }
    }

    private void stopIfRequested() {
        if (Interruption.process().requested()) {
            throw interrupted();
        }
    }

    /** Stopped on request: the running batch was cancelled and rolled back; committed ones keep their checkpoint. */
    private UnderwayException interrupted() {
        BackfillCheckpoint cp = reached;
        return Interruption.process().stopped("The backfill " + plan.name() + " of " + plan.table(), "It stopped after "
                + cp.batches() + " committed batches (" + cp.rowsChanged() + " rows changed" + (cp.pass() > 0
                ? ", in catch-up pass " + cp.pass() : "") + (cp.lastKey() == null ? "" : ", last key " + cp.lastKey())
                + "); a batch that was running was cancelled and rolled back. A run with " + Setting.BACKFILL_RESUME.ref()
                + " continues from there.");
    }

    private UnderwayException failed(QualifiedName target, List<String> lower, BackfillCheckpoint cp, SQLException e) {
        return UnderwayException.of(Reason.STATEMENT_FAILED, "the backfill of " + plan.table() + " failed in the batch after key "
                + (lower == null ? "(start)" : lower) + (target.equals(plan.table()) ? "" : " of partition " + target)
                + ": " + MigrationExecutor.describe(e) + ". That batch was rolled back; the " + cp.batches() + " batches before it (" + cp.rowsChanged()
                + " rows changed) stay committed with their checkpoint: fix the cause and run again with "
                + Setting.BACKFILL_RESUME.ref(), e).table(plan.table().toString());
    }

    private BackfillProgress progress(BackfillCheckpoint cp, int size, long millis) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? walkedThisRun / seconds : 0;
        long total = Math.max(rowsPerPass, cp.rowsDone());
        Duration eta = rate > 0 ? Duration.ofMillis((long) ((total - cp.rowsDone()) * 1000 / rate)) : null;
        return new BackfillProgress(plan.name(), cp.pass(), cp.target(), cp.rowsDone(), cp.rowsChanged(), total, rate,
                eta, size, millis);
    }

    String catchUpSkipped() {
        return catchUpSkipped;
    }
}
