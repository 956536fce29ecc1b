package dev.underway.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a rehearsal can observe of the session that runs a statement: the locks it holds, what
 * it waits for (seen from a second session while it waits), and the storage of tables and
 * indexes, whose change shows a rewrite.
 */
public interface SessionProbe {

    /**
     * A table or index and its storage: PostgreSQL's {@code relfilenode}, InnoDB's table id. A new value after a
     * statement means it was written anew.
     */
    record Storage(long id, String relation, boolean index, long file) {
    }

    /**
     * A lock: on a relation (by id, with its name when the catalog still knows it) or on something else a session
     * can wait for, such as another transaction's row lock ({@code relationId} 0).
     */
    record Lock(long relationId, String relation, String mode, boolean granted) {
    }

    /** Every user table and index the session can see, with its storage. */
    List<Storage> storage(Connection c, String schema) throws SQLException;

    /** The relation locks the session on {@code c} holds or requests now; empty where the engine cannot tell. */
    List<Lock> heldBySelf(Connection c) throws SQLException;

    /**
     * The locks session {@code sessionId} holds and waits for right now, asked from another session while its
     * statement runs (a statement outside a transaction releases its locks when it ends). Where the engine cannot
     * show held locks, only what it waits for.
     */
    List<Lock> locksOf(Connection observer, long sessionId) throws SQLException;

    /** True when {@link #heldBySelf} observes real locks; else the lock a statement takes is the static verdict's. */
    boolean observesLocks();

    /** Orders the lock modes {@link #heldBySelf} reports, weakest first. */
    default int strength(String mode) {
        return 0;
    }
}
