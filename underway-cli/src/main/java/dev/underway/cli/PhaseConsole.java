package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.observe.PhaseListener;

import java.io.PrintWriter;
import java.time.Duration;

/** One line per action of a start, complete or rollback on stderr. */
final class PhaseConsole implements PhaseListener {
    private final PrintWriter err;

    PhaseConsole(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void actionStarting(String migration, String phase, int number, int total, String description) {
        err.println(migration + " " + phase + " [" + number + "/" + total + "] " + description);
        err.flush();
    }

    @Override
    public void actionFinished(String migration, String phase, int number, int total, long millis) {
        if (millis >= 1000) {
            err.println(migration + " " + phase + " [" + number + "/" + total + "] done in "
                    + Durations.approximate(Duration.ofMillis(millis)));
        }
    }
}
