package dev.underway.cli;

import dev.underway.observe.BackfillListener;
import dev.underway.observe.BackfillProgress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** {@code --format json}: one JSON object per event and line on stdout, for machines and log pipelines. */
final class BackfillJsonLines implements BackfillListener {
    private final PrintWriter out;

    BackfillJsonLines(PrintWriter out) {
        this.out = out;
    }

    private void emit(Object event) {
        out.println(Json.line(event));
        out.flush();
    }

    @Override
    public void started(String name, String table, long estimatedRows, boolean resumed, List<String> sql) {
        emit(Json.object("event", "started", "name", name, "table", table, "estimated_rows", estimatedRows,
                "resumed", resumed, "sql", sql));
    }

    @Override
    public void passStarted(String name, int pass) {
        emit(Json.object("event", "pass", "name", name, "pass", pass, "kind", pass == 0 ? "sweep" : "catch-up"));
    }

    @Override
    public void batchDone(BackfillProgress p) {
        emit(Json.object("event", "progress", "name", p.name(), "pass", p.pass(), "target", p.target(),
                "rows_done", p.rowsDone(), "rows_changed", p.rowsChanged(), "estimated_total", p.estimatedTotal(),
                "percent", Math.round(p.percent() * 10) / 10.0, "rows_per_second", Math.round(p.rowsPerSecond()),
                "eta_seconds", p.eta() == null ? null : p.eta().toSeconds(), "batch_size", p.batchSize(),
                "batch_ms", p.batchMillis()));
    }

    @Override
    public void throttled(String name, String reason, Duration waited) {
        emit(Json.object("event", "throttled", "name", name, "reason", reason, "waited_ms", waited.toMillis()));
    }

    @Override
    public void retrying(String name, String reason, int attempt, Duration wait, int nextBatchSize) {
        emit(Json.object("event", "retrying", "name", name, "reason", reason, "attempt", attempt,
                "wait_ms", wait.toMillis(), "next_batch_size", nextBatchSize));
    }

    @Override
    public void catchUpSkipped(String name, String reason) {
        emit(Json.object("event", "catch_up_skipped", "name", name, "reason", reason));
    }
}
