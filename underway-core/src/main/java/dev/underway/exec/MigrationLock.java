package dev.underway.exec;

import dev.underway.Durations;
import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.observe.MigrationListener;
import dev.underway.wait.LockWait;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The lock that makes migrate exactly-once: a session-level named lock on a connection of its
 * own, held for the whole run and released when the run (or the process) ends. Polled, so a
 * waiting process can report who holds it and give up after a timeout.
 */
public final class MigrationLock implements AutoCloseable {
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final String NOTHING_CHANGED = "Nothing was changed; run the same command again.";

    private final Database db;
    private final Connection connection;
    private final String name;

    private MigrationLock(Database db, Connection connection, String name) {
        this.db = db;
        this.connection = connection;
        this.name = name;
    }

    public static MigrationLock acquire(Database db, String name, Duration timeout, MigrationListener listener) {
        Connection c = null;
        try {
            c = db.settings().open();
            Connection session = c;
            boolean taken = LockWait.upTo(timeout)
                    .reportingEvery(REPORT_EVERY, waited -> listener.waitingForLock(name,
                            describeHolder(db, session, name), waited))
                    .checkingEachTry(() -> Interruption.process().check("Waiting for the migration lock '" + name + "'",
                            NOTHING_CHANGED))
                    .acquire(() -> db.dialect().sessionLocks().tryLock(session, name));
            if (!taken) {
                throw UnderwayException.of(Reason.LOCK_NOT_ACQUIRED, "could not get the migration lock '" + name + "' within "
                        + Durations.format(timeout) + ": " + describeHolder(db, c, name)
                        + " is migrating this database. Wait for it to finish, or raise " + Setting.LOCK_WAIT.ref());
            }
            return new MigrationLock(db, c, name);
        } catch (SQLException e) {
            closeQuietly(c);
            Interruption.process().check("Taking the migration lock '" + name + "'", NOTHING_CHANGED);
            throw UnderwayException.of(Reason.DATABASE_ERROR, "could not take the migration lock '" + name + "': " + db.settings().describe(e), e);
        } catch (InterruptedException e) {
            closeQuietly(c);
            Thread.currentThread().interrupt();
            Interruption.process().check("Waiting for the migration lock '" + name + "'", NOTHING_CHANGED);
            throw UnderwayException.of(Reason.LOCK_WAIT_INTERRUPTED, "interrupted while waiting for the migration lock '" + name + "'");
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static String describeHolder(Database db, Connection c, String name) {
        try {
            return db.dialect().sessionLocks().holder(c, name).map(h -> "another session (" + h + ")")
                    .orElse("another session");
        } catch (SQLException e) {
            return "another session";
        }
    }

    /** False once the lock's session is gone (its server restarted, or someone ended it): the lock is lost. */
    public boolean isHeld() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            db.dialect().sessionLocks().unlock(connection, name);
        } catch (SQLException ignored) {
            // Closing the session below releases the lock anyway.
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Nothing to do: the session is gone either way.
            }
        }
    }
}
