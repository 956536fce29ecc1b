package dev.underway.op;

/**
 * Where an action runs within its phase. Operations emit actions in any order; the planner
 * sorts them by stage (stably), so that, for instance, a new column's sync trigger exists
 * before a NOT VALID check on that column starts to judge the old application's inserts.
 */
public enum Stage {
    // start
    COLUMNS, TRIGGERS, CONSTRAINTS, INDEXES, BACKFILL, VIEWS,
    // complete
    VALIDATE,
    /** The contract itself: one transaction, so other sessions see the old shape or the new one, never a mix. */
    CONTRACT,
    /** Statements that cannot run in a transaction (DROP INDEX CONCURRENTLY), after the contract. */
    AFTER,
    // rollback
    /** Checks and index drops that must precede the undo transaction. */
    PREPARE_UNDO,
    /** Everything start created, dropped in one transaction. */
    UNDO
}
