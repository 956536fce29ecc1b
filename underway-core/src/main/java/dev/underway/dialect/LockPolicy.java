package dev.underway.dialect;

import dev.underway.migration.Verdict;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementShape;

/**
 * The engine's facts about locking, as a function of a statement's shape, the server version
 * (held by the implementation) and what earlier statements built (the schema model).
 */
public interface LockPolicy {
    Verdict verdict(StatementShape shape, SchemaModel schema);

    /**
     * Whether one of a verdict's per-relation locks (in this engine's words) conflicts with ordinary reads or writes,
     * so that waiting for it must be bounded by a lock timeout. Engines without per-relation locks: true.
     */
    default boolean isStrong(String relationLock) {
        return true;
    }
}
