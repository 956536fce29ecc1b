package dev.underway;

import dev.underway.dialect.StatementCancel;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
    private static final Interruption PROCESS = new Interruption();

    private final Map<Connection, StatementCancel> open = new IdentityHashMap<>();
    private volatile String reason;

    Interruption() {
    }

    /** The one request of this process (signals are per process too). */
    public static Interruption process() {
        return PROCESS;
    }

    /** Tracks a connection just opened, so that a request cancels what it runs; returns it. */
    public Connection track(Connection c, StatementCancel cancel) {
        synchronized (open) {
            open.keySet().removeIf(Interruption::closed);
            open.put(c, cancel);
        }
        return c;
    }

    /**
     * Asks everything to stop, and cancels the statement every open connection runs now (a
     * connection that runs nothing is not affected). Only the first request counts.
     *
     * @param reason what asked, for messages: {@code SIGTERM}
     * @return how many open connections were sent a cancel
     */
    public int request(String reason) {
        List<Map.Entry<Connection, StatementCancel>> toCancel;
        synchronized (open) {
            if (this.reason != null) {
                return 0;
            }
            this.reason = reason;
            toCancel = new ArrayList<>(open.entrySet());
        }
        int sent = 0;
        for (Map.Entry<Connection, StatementCancel> e : toCancel) {
            if (closed(e.getKey())) {
                continue;
            }
            try {
                e.getValue().cancel(e.getKey());
                sent++;
            } catch (SQLException | RuntimeException ex) {
                LoggerFactory.getLogger(Interruption.class).debug("could not cancel a statement: {}", ex.getMessage());
            }
        }
        return sent;
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
        return new UnderwayException(ErrorCode.INTERRUPTED, what + " was interrupted (" + why + ")."
                + (howToContinue == null || howToContinue.isEmpty() ? "" : " " + howToContinue));
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
