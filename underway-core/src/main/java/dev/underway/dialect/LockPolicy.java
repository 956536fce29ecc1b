package dev.underway.dialect;

import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementShape;

/**
 * The engine's facts about locking, as a function of a statement's shape, the server version
 * (held by the implementation) and what earlier statements built (the schema model).
 */
public interface LockPolicy {
    Verdict verdict(StatementShape shape, SchemaModel schema);
}
