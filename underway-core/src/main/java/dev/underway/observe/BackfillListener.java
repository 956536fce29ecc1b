package dev.underway.observe;

import java.time.Duration;

/**
 * Receives what a backfill does, as it happens. The CLI draws its progress bar or JSON lines
 * from it; library users may log or meter from it. Every method has a no-op default and is
 * called on the backfill's own thread.
 */
public interface BackfillListener {
    BackfillListener NONE = new BackfillListener() { };

    /**
     * @param resumed true when continuing from a checkpoint
     * @param sql     the first batch's statements, for logs
     */
    default void started(String name, String table, long estimatedRows, boolean resumed, java.util.List<String> sql) { }

    /** A pass begins: 0 is the sweep, later passes look for rows that still differ. */
    default void passStarted(String name, int pass) { }

    default void batchDone(BackfillProgress progress) { }

    /** The run waits: paused, a probe or replica lag above its limit. Called now and then while it waits. */
    default void throttled(String name, String reason, Duration waited) { }

    /** A batch was rolled back (lock timeout, deadlock, statement timeout) and will run again, smaller. */
    default void retrying(String name, String reason, int attempt, Duration wait, int nextBatchSize) { }

    /** The expression is not a function of the row alone (now(), random()): catch-up passes are skipped. */
    default void catchUpSkipped(String name, String reason) { }

    default void finished(String name, long rowsChanged, Duration took) { }
}
