package dev.underway;

import dev.underway.dialect.StatementCancel;
import dev.underway.wait.LockWait;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A request to stop what Underway runs in this process (the CLI makes one on SIGINT and SIGTERM;
 * a library caller from its own shutdown hook). Every connection the library opens is tracked
 * here, so a request cancels whatever statement each one runs at that moment: the server stops
 * it, rolls it back and releases its locks, instead of finishing it for a client that is gone.
 * The executor, the backfill runner and the phase runner then stop at their next step instead
 * of retrying, record where they stopped and throw an {@link ErrorCode#INTERRUPTED} error that
 * says how to continue.
 */
public final class Interruption {
    /** How long a request waits for its cancels to reach the servers. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(5);
    private static final Interruption PROCESS = new Interruption();

    private final Map<Connection, StatementCancel> open = new IdentityHashMap<>();
    private volatile String reason;

    Interruption() {
    }

    /** The one request of this process (signals are per process too). */
    public static Interruption process() {
        return PROCESS;
    }

    /**
     * Tracks a connection just opened, so that a request cancels what it runs; returns it. Internal: the library's
     * own connection code calls it (its cancel is a dialect type); callers only {@link #request} and {@link #clear}.
     */
    public Connection track(Connection c, StatementCancel cancel) {
        synchronized (open) {
            open.keySet().removeIf(Interruption::closed);
            open.put(c, cancel);
        }
        return c;
    }

    /**
     * Asks everything to stop, and cancels the statement every open connection runs now (a
     * connection that runs nothing is not affected). The cancels go out in parallel (MariaDB's
     * driver opens a connection for each) and are waited for at most {@link #CANCEL_WAIT}. Only
     * the first request counts.
     *
     * @param reason what asked, for messages: {@code SIGTERM}
     */
    public void request(String reason) {
        List<Map.Entry<Connection, StatementCancel>> toCancel;
        synchronized (open) {
            if (this.reason != null) {
                return;
            }
            this.reason = reason;
            toCancel = new ArrayList<>(open.entrySet());
        }
        ExecutorService senders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "underway-cancel");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Map.Entry<Connection, StatementCancel> e : toCancel) {
            if (!closed(e.getKey())) {
                sent.add(CompletableFuture.runAsync(() -> cancel(e.getKey(), e.getValue()), senders));
            }
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(CANCEL_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LoggerFactory.getLogger(Interruption.class).debug("not every cancel went out: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            senders.shutdown();
        }
    }

    private static void cancel(Connection c, StatementCancel cancel) {
        try {
            cancel.cancel(c);
        } catch (SQLException | RuntimeException e) {
            LoggerFactory.getLogger(Interruption.class).debug("could not cancel a statement: {}", e.getMessage());
        }
    }

    public boolean requested() {
        return reason != null;
    }

    /** What asked to stop ({@code SIGTERM}), or null. */
    public String reason() {
        return reason;
    }

    /** Throws the interruption error when a stop was requested; {@code what} says what stops ("the backfill of t"). */
    public void check(String what, String howToContinue) {
        if (requested()) {
            throw stopped(what, howToContinue);
        }
    }

    /** The error saying "{what} was interrupted (SIGTERM). {howToContinue}". */
    public UnderwayException stopped(String what, String howToContinue) {
        String why = reason == null ? "stop requested" : reason;
        return new UnderwayException(Reason.INTERRUPTED, what + " was interrupted (" + why + ")."
                + (howToContinue == null || howToContinue.isEmpty() ? "" : " " + howToContinue));
    }

    /** One try at a lock that someone else may hold: true when it is now held. */
    @FunctionalInterface
    public interface LockAttempt<E extends Exception> {
        boolean tryLock() throws E;
    }

    /**
     * Waits for a lock that someone else holds (a file lock of another process, say) for as long as they hold it, or
     * until a stop is requested: tries it, pauses a little longer after each try (50 ms growing to half a second),
     * and runs {@code waiting} once, when the first try finds it taken. A request, or an interrupt of this thread,
     * ends the wait with the {@link #stopped(String, String) interruption error} for {@code what}.
     *
     * @param what          what waits, for the error: {@code "Waiting for the embedded database in .underway"}
     * @param howToContinue the error's last sentence, or null
     * @throws E what a try throws
     */
    public <E extends Exception> void waitForLock(String what, String howToContinue, LockAttempt<E> attempt,
                                                  Runnable waiting) throws E {
        try {
            LockWait.withoutLimit()
                    .reportingOnce(waited -> waiting.run())
                    .checkingEachTry(() -> check(what, howToContinue))
                    .acquire(attempt::tryLock);
        } catch (InterruptedException e) {
            // SIGINT/SIGTERM wake the wait in its pause: the stop request, not a failure of the wait.
            Thread.currentThread().interrupt();
            throw stopped(what, howToContinue);
        }
    }

    /** Forgets a handled request, so that a long-lived library caller can run commands again. */
    public void clear() {
        reason = null;
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
