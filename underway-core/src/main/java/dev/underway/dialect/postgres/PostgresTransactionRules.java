package dev.underway.dialect.postgres;

import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.TransactionRules;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;

import java.util.List;
import java.util.Optional;

/** PostgreSQL: DDL is transactional, except for the statements the server refuses in a transaction block. */
final class PostgresTransactionRules implements TransactionRules {
    private final ServerVersion version;

    PostgresTransactionRules(ServerVersion version) {
        this.version = version;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public Optional<String> whyNotInTransaction(SqlStatement s) {
        List<Token> t = s.tokens();
        if ((s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX")) && s.contains("CONCURRENTLY")
                && concurrentlyBeforeOn(t)) {
            return Optional.of("CREATE INDEX CONCURRENTLY");
        }
        if (s.startsWith("DROP", "INDEX", "CONCURRENTLY")) {
            return Optional.of("DROP INDEX CONCURRENTLY");
        }
        if (s.startsWith("REINDEX") && s.contains("CONCURRENTLY")) {
            return Optional.of("REINDEX CONCURRENTLY");
        }
        if (s.startsWith("REINDEX", "DATABASE") || s.startsWith("REINDEX", "SYSTEM") || s.startsWith("REINDEX", "SCHEMA")) {
            return Optional.of("REINDEX " + t.get(1).text().toUpperCase(java.util.Locale.ROOT));
        }
        if (s.startsWith("VACUUM")) {
            return Optional.of("VACUUM");
        }
        if (s.startsWith("CREATE", "DATABASE") || s.startsWith("DROP", "DATABASE")) {
            return Optional.of(t.get(0).text().toUpperCase(java.util.Locale.ROOT) + " DATABASE");
        }
        if (s.startsWith("CREATE", "TABLESPACE") || s.startsWith("DROP", "TABLESPACE")) {
            return Optional.of(t.get(0).text().toUpperCase(java.util.Locale.ROOT) + " TABLESPACE");
        }
        if (s.startsWith("ALTER", "SYSTEM")) {
            return Optional.of("ALTER SYSTEM");
        }
        if (s.startsWith("ALTER", "TABLE") && s.contains("DETACH") && s.contains("CONCURRENTLY")) {
            return Optional.of("DETACH PARTITION CONCURRENTLY");
        }
        if (s.startsWith("CLUSTER") && t.size() == 1) {
            return Optional.of("CLUSTER without a table");
        }
        if (s.startsWith("ALTER", "TYPE") && s.contains("ADD") && s.contains("VALUE") && !version.isSameOrAfter(12, 0)) {
            return Optional.of("ALTER TYPE ... ADD VALUE before PostgreSQL 12");
        }
        return Optional.empty();
    }

    /** CONCURRENTLY is a modifier only before the ON keyword (after it, it would be a column name). */
    static boolean concurrentlyBeforeOn(List<Token> t) {
        for (Token token : t) {
            if (token.is("ON")) {
                return false;
            }
            if (token.is("CONCURRENTLY")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean atomicWithProgress(SqlStatement statement) {
        return whyNotInTransaction(statement).isEmpty() && !isTransactionControl(statement);
    }
}
