package dev.underway.migration;

/**
 * Where an action runs within its phase. Operations emit actions in any order; the planner
 * sorts them by stage (stably): a new column's sync trigger exists before anything fills it, and
 * NOT VALID constraints come after the backfill, so a row whose {@code up} value breaks one does
 * not stop start half-way: complete's validation names it, and the user can fix it first.
 */
public enum Stage {
    // start
    COLUMNS, TRIGGERS, INDEXES, BACKFILL,
    /** Indexes of copied columns, rebuilt on the copies once the backfill filled them. */
    COPY_INDEXES,
    CONSTRAINTS, VIEWS,
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
