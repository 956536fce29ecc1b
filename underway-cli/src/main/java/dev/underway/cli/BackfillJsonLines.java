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

    private void emit(BackfillEvent event) {
        out.println(Json.line(event));
        out.flush();
    }

    @Override
    public void started(String name, String table, long estimatedRows, boolean resumed, List<String> sql) {
        emit(new BackfillEvent.Started(name, table, estimatedRows, resumed, sql));
    }

    @Override
    public void passStarted(String name, int pass) {
        emit(new BackfillEvent.Pass(name, pass));
    }

    @Override
    public void batchDone(BackfillProgress p) {
        emit(BackfillEvent.Progress.of(p));
    }

    @Override
    public void throttled(String name, String reason, Duration waited) {
        emit(new BackfillEvent.Throttled(name, reason, waited.toMillis()));
    }

    @Override
    public void retrying(String name, String reason, int attempt, Duration wait, int nextBatchSize) {
        emit(new BackfillEvent.Retrying(name, reason, attempt, wait.toMillis(), nextBatchSize));
    }

    @Override
    public void catchUpSkipped(String name, String reason) {
        emit(new BackfillEvent.CatchUpSkipped(name, reason));
    }
}
