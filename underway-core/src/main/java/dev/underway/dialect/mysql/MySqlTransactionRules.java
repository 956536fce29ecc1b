package dev.underway.dialect.mysql;

import dev.underway.dialect.TransactionRules;
import dev.underway.migration.SqlStatement;

import java.util.Optional;

/** MySQL/MariaDB: every DDL statement commits implicitly, so only DML can be atomic with a progress update. */
final class MySqlTransactionRules implements TransactionRules {
    static final MySqlTransactionRules INSTANCE = new MySqlTransactionRules();

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public Optional<String> whyNotInTransaction(SqlStatement statement) {
        return Optional.empty();
    }

    @Override
    public boolean atomicWithProgress(SqlStatement s) {
        return s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE") || s.startsWith("REPLACE");
    }
}
