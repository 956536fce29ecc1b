package dev.underway.backfill;

import dev.underway.UnderwayException;
import dev.underway.config.Durations;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.ErrorKind;
import dev.underway.dialect.QualifiedName;
import dev.underway.exec.Backoff;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.BackfillProgress;
import dev.underway.state.BackfillCheckpoint;
import dev.underway.state.BackfillStateTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Executes a {@link BackfillPlan}: the sweep over every target in key order, then catch-up
 * passes until one finds nothing left to change. Batches that hit a lock timeout, deadlock or
 * statement timeout are rolled back, shrunk and retried with backoff; any other error stops
 * the run with the checkpoint of the last committed batch kept for {@code --resume}.
 */
final class BackfillRunner {
    private static final Duration BACKOFF_START = Duration.ofMillis(50);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(5);

    private final Dialect dialect;
    private final BackfillPlan plan;
    private final BackfillStateTable state;
    private final Throttles throttles;
    private final BackfillListener listener;
    private final BatchTransaction batch;
    private final BatchSizer sizer;
    private final long startNanos = System.nanoTime();
    private long walkedThisRun;
    private long longestBatch;
    private long longestLock;
    private int retries;
    private String catchUpSkipped;

    BackfillRunner(Dialect dialect, BackfillPlan plan, BackfillStateTable state, Throttles throttles,
                   BackfillListener listener) {
        this.dialect = dialect;
        this.plan = plan;
        this.state = state;
        this.throttles = throttles;
        this.listener = listener;
        this.batch = new BatchTransaction(plan, state);
        BackfillRequest r = plan.request();
        int cap = r.maxRowsPerSecond() > 0 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, r.maxRowsPerSecond())) : BatchSizer.MAX;
        this.sizer = r.batchSize() != null ? BatchSizer.fixed(r.batchSize())
                : BatchSizer.adaptive(r.targetBatchTime().toMillis(), cap);
    }

    BackfillResult run(Connection c, BackfillCheckpoint from, boolean resumed) throws SQLException, InterruptedException {
        BackfillCheckpoint cp = from;
        Boolean converged = null;
        int passes = 0;
        while (true) {
            boolean resumedMidPass = cp.target() != null;
            listener.passStarted(plan.name(), cp.pass());
            long changedBefore = cp.rowsChanged();
            cp = pass(c, cp);
            if (cp.pass() > 0) {
                passes++;
                converged = cp.rowsChanged() == changedBefore && !resumedMidPass;
            }
            boolean more = plan.catchUp() && catchUpSkipped == null && !Boolean.TRUE.equals(converged)
                    && cp.pass() < plan.request().maxCatchUpPasses();
            if (!more) {
                break;
            }
            cp = new BackfillCheckpoint(cp.pass() + 1, null, null, 0, cp.rowsChanged(), cp.batches());
            c.setAutoCommit(true);
            state.save(c, plan.name(), cp);
        }
        return new BackfillResult(plan.name(), plan.table().toString(), walkedThisRun, cp.rowsChanged(), cp.batches(),
                passes, catchUpSkipped != null ? null : converged, catchUpSkipped, longestBatch, longestLock, retries,
                Duration.ofNanos(System.nanoTime() - startNanos), resumed, false);
    }

    /** One pass over every target, starting where the checkpoint stands. */
    private BackfillCheckpoint pass(Connection c, BackfillCheckpoint cp) throws SQLException, InterruptedException {
        boolean catchUp = cp.pass() > 0;
        List<QualifiedName> targets = plan.targets();
        for (QualifiedName target : targets) {
            // Targets are walked in name order, so a checkpoint's target tells which ones are done.
            if (cp.target() != null && target.toString().compareTo(cp.target()) < 0) {
                continue;
            }
            List<String> lower = target.toString().equals(cp.target()) ? cp.lastKey() : null;
            cp = walk(c, target, lower, catchUp, cp);
        }
        return cp;
    }

    private BackfillCheckpoint walk(Connection c, QualifiedName target, List<String> lower, boolean catchUp,
                                    BackfillCheckpoint cp) throws SQLException, InterruptedException {
        boolean first = cp.pass() == 0 && cp.batches() == 0;
        while (true) {
            throttles.awaitClear(listener);
            int size = sizer.size();
            long start = System.nanoTime();
            BatchTransaction.Outcome o = runWithRetries(c, target, lower, size, catchUp, cp);
            if (o.upper() == null) {
                return cp;
            }
            if (first && plan.catchUp()) {
                checkDeterministic(c, target, lower, o);
                first = false;
            }
            cp = new BackfillCheckpoint(cp.pass(), target.toString(), o.upper(), cp.rowsDone() + o.walked(),
                    cp.rowsChanged() + o.changed(), cp.batches() + 1);
            walkedThisRun += o.walked();
            longestBatch = Math.max(longestBatch, o.millis());
            longestLock = Math.max(longestLock, o.lockMillis());
            sizer.record(o.walked(), o.millis());
            throttles.paced(o.walked(), start);
            listener.batchDone(progress(cp, size, o.millis()));
            lower = o.upper();
        }
    }

    private BatchTransaction.Outcome runWithRetries(Connection c, QualifiedName target, List<String> lower, int size,
                                                    boolean catchUp, BackfillCheckpoint cp)
            throws SQLException, InterruptedException {
        Backoff backoff = null;
        while (true) {
            try {
                return batch.run(c, target, lower, size, catchUp, cp);
            } catch (SQLException e) {
                ErrorKind kind = dialect.errors().classify(e);
                if (!kind.isTransient() && kind != ErrorKind.STATEMENT_TIMEOUT) {
                    throw failed(target, lower, cp, e);
                }
                backoff = backoff == null ? new Backoff(BACKOFF_START, BACKOFF_MAX, plan.request().retryBudget()) : backoff;
                Duration wait = backoff.next();
                if (wait == null) {
                    throw UnderwayException.lockTimeout("gave up on the backfill of " + plan.table() + " after "
                            + Durations.format(backoff.elapsed()) + " of retries: batches after key " + lower
                            + " kept failing with " + kind + " (" + e.getMessage().strip() + "). Find the long"
                            + " transaction holding row locks; the checkpoint is kept, run again with --resume");
                }
                sizer.failed(kind);
                size = sizer.size();
                retries++;
                listener.retrying(plan.name(), kind + ": " + e.getMessage().strip(), backoff.attempts(), wait, size);
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
            listener.catchUpSkipped(plan.name(), catchUpSkipped);
        }
    }

    private UnderwayException failed(QualifiedName target, List<String> lower, BackfillCheckpoint cp, SQLException e) {
        return UnderwayException.failed("the backfill of " + plan.table() + " failed in the batch after key "
                + (lower == null ? "(start)" : lower) + (target.equals(plan.table()) ? "" : " of partition " + target)
                + ": " + Backfill.describe(e) + ". That batch was rolled back; the " + cp.batches() + " batches before it (" + cp.rowsChanged()
                + " rows changed) stay committed with their checkpoint: fix the cause and run again with --resume", e);
    }

    private BackfillProgress progress(BackfillCheckpoint cp, int size, long millis) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? walkedThisRun / seconds : 0;
        long total = Math.max(plan.estimatedRows(), cp.rowsDone());
        Duration eta = rate > 0 ? Duration.ofMillis((long) ((total - cp.rowsDone()) * 1000 / rate)) : null;
        return new BackfillProgress(plan.name(), cp.pass(), cp.target(), cp.rowsDone(), cp.rowsChanged(), total, rate,
                eta, size, millis);
    }

    String catchUpSkipped() {
        return catchUpSkipped;
    }
}
