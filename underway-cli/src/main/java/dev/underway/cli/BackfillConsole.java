package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.migration.BackfillCheckpoint;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.BackfillProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Backfill progress for humans on stderr: a progress bar on a terminal, otherwise a line every
 * few seconds (so logs of CI jobs and {@code nohup} runs stay readable).
 */
final class BackfillConsole implements BackfillListener, AutoCloseable {
    private static final long LINE_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private long lastLine;

    BackfillConsole(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void started(String name, String table, long estimatedRows, boolean resumed, List<String> sql) {
        err.println((resumed ? "Resuming" : "Starting") + " backfill " + (name.equals(table) ? "of " + table
                : name + " of " + table) + " (about " + count(estimatedRows) + " rows)");
        err.flush();
        lastLine = System.nanoTime();
    }

    @Override
    public void passStarted(String name, int pass) {
        closeBar();
        if (pass > 0) {
            err.println("Backfill " + name + ", " + BackfillCheckpoint.passName(pass) + ": changing rows that still differ"
                    + " from their expressions");
            err.flush();
        }
    }

    @Override
    public void batchDone(BackfillProgress p) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(BackfillCheckpoint.passName(p.pass()))
                        .setInitialMax(p.estimatedTotal()).setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1)
                        .showSpeed(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.maxHint(p.estimatedTotal());
            bar.stepTo(p.rowsDone());
            bar.setExtraMessage(" batch " + p.batchSize());
            return;
        }
        if (System.nanoTime() - lastLine >= LINE_EVERY_NANOS) {
            lastLine = System.nanoTime();
            err.printf(Locale.ROOT, "%s: %s, %,d of ~%,d rows (%.1f%%), %,d rows/s, %s left, batch %,d rows in %d ms%n",
                    p.name(), BackfillCheckpoint.passName(p.pass()), p.rowsDone(), p.estimatedTotal(),
                    p.percent(), Math.round(p.rowsPerSecond()),
                    p.eta() == null ? "?" : Durations.format(Duration.ofSeconds(p.eta().toSeconds())), p.batchSize(),
                    p.batchMillis());
            err.flush();
        }
    }

    @Override
    public void throttled(String name, String reason, Duration waited) {
        message("Waiting: " + reason + " (" + Durations.format(Duration.ofSeconds(waited.toSeconds())) + " so far)");
    }

    @Override
    public void retrying(String name, String reason, int attempt, Duration wait, int nextBatchSize) {
        message("Batch rolled back (" + reason + "); retry " + attempt + " in " + Durations.format(wait)
                + " with " + count(nextBatchSize) + " rows");
    }

    @Override
    public void catchUpSkipped(String name, String reason) {
        message("Catch-up passes skipped: " + reason);
    }

    /** Row counts and rates as whole numbers with thousands separators, the same everywhere: 24,129. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(" " + text);
        } else {
            err.println(text);
            err.flush();
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.maxHint(bar.getCurrent());
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
