package dev.underway.dialect;

import dev.underway.migration.SqlStatement;

import java.util.Optional;

/** Which statements may share a transaction with Underway's own history update. */
public interface TransactionRules {
    /** True when DDL is transactional, so a whole migration can be atomic with its history row. */
    boolean transactionalDdl();

    /** Why this statement cannot run inside a transaction block, or empty when it can. */
    Optional<String> whyNotInTransaction(SqlStatement statement);

    /** BEGIN / COMMIT / ROLLBACK and friends, which would break a migration's own transaction. */
    default boolean isTransactionControl(SqlStatement s) {
        return s.startsWith("BEGIN") || s.startsWith("COMMIT") || s.startsWith("ROLLBACK")
                || s.startsWith("START", "TRANSACTION") || s.startsWith("END") || s.startsWith("ABORT");
    }

    /**
     * True when the statement and the progress update after it can commit together, so a
     * crash between them cannot make a re-run repeat it.
     */
    boolean atomicWithProgress(SqlStatement statement);
}
