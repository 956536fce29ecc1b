package dev.underway.cli;

import dev.underway.Durations;
import dev.underway.Interruption;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * SIGINT and SIGTERM. The first asks everything to stop ({@link Interruption}): the statements
 * running on the server are cancelled at once, and the command rolls back, records where it
 * stopped, says how to continue and exits 130 (SIGINT) or 143 (SIGTERM). A second signal, or a
 * command still running {@link #GRACE} later, ends the process at once.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, kept for exactly this by JEP 260): a
 * shutdown hook could neither tell which signal came nor let the command finish its clean-up
 * before the JVM exits.
 */
final class StopSignals {
    static final Duration GRACE = Duration.ofSeconds(30);
    /** The first signal this process received: signals are per process, like the request they make. */
    private static volatile Signal first;

    private final Thread main;
    private final PrintWriter err;

    private StopSignals(Thread main, PrintWriter err) {
        this.main = main;
        this.err = err;
    }

    /** Handles SIGINT and SIGTERM for the command running on {@code main}. */
    static void install(Thread main, PrintWriter err) {
        StopSignals signals = new StopSignals(main, err);
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), signals::received);
            } catch (IllegalArgumentException e) {
                // Ignored when the process started (a background job's SIGINT) or reserved by -Xrs: the JVM's own
                // handling stays.
            }
        }
    }

    private void received(Signal s) {
        synchronized (StopSignals.class) {
            if (first != null) {
                err.println("underway: SIG" + s.getName() + " again: exiting at once");
                err.flush();
                Runtime.getRuntime().halt(exitCode());
            }
            first = s;
        }
        String name = "SIG" + s.getName();
        err.println("underway: " + name + ": stopping; cancelling what runs on the server"
                + " (send it again to exit at once)");
        err.flush();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            err.println("underway: still not stopped " + Durations.format(GRACE) + " after " + name + "; exiting now");
            err.flush();
            Runtime.getRuntime().halt(exitCode());
        }, "underway-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        // First the cancels (the server rolls back and releases the locks), then wake the command where it sleeps.
        Interruption.process().request(name);
        main.interrupt();
    }

    static boolean received() {
        return first != null;
    }

    /** 130 after SIGINT, 143 after SIGTERM (128 + the signal's number, as shells report it). */
    static int exitCode() {
        return 128 + first.getNumber();
    }

    /** The exit code of a process that ends with {@code code}: a signal's, if one came. */
    static int exitCode(int code) {
        return received() ? exitCode() : code;
    }
}
