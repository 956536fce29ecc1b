package dev.underway.plan;

import dev.underway.UnderwayException;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.TransactionRules;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationScript;
import dev.underway.sql.StatementSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionModeTest {
    private static final TransactionRules PG17 = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17.6")).transactions();
    private static final TransactionRules PG11 = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("11.2")).transactions();
    private static final TransactionRules MARIA = Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("11.4.5")).transactions();

    private static MigrationScript script(String sql) {
        return new MigrationScript(MigrationName.parse("V7__x.sql").orElseThrow(), "V7__x.sql", null, 0,
                new StatementSplitter(PostgresDialect.SYNTAX).split(sql, "V7__x.sql"));
    }

    @Test
    void ordinaryDdlRunsInOneTransactionOnPostgres() {
        assertThat(ExecutionModes.of(script("CREATE TABLE t (id int); CREATE INDEX i ON t (id);"), PG17))
                .isEqualTo(ExecutionMode.TRANSACTIONAL);
    }

    @Test
    void concurrentStatementsAloneRunStatementByStatement() {
        assertThat(ExecutionModes.of(script("CREATE INDEX CONCURRENTLY i ON t (id); DROP INDEX CONCURRENTLY j;"), PG17))
                .isEqualTo(ExecutionMode.PER_STATEMENT);
        assertThat(ExecutionModes.of(script("VACUUM t;"), PG17)).isEqualTo(ExecutionMode.PER_STATEMENT);
        assertThat(ExecutionModes.of(script("REINDEX INDEX CONCURRENTLY i;"), PG17)).isEqualTo(ExecutionMode.PER_STATEMENT);
    }

    @Test
    void aColumnNamedConcurrentlyIsNotTheModifier() {
        assertThat(ExecutionModes.of(script("CREATE INDEX i ON t (concurrently);"), PG17)).isEqualTo(ExecutionMode.TRANSACTIONAL);
    }

    @Test
    void mixingIsRefusedWithAdviceOnHowToSplit() {
        assertThatThrownBy(() -> ExecutionModes.of(script("CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY i ON t (id);"), PG17))
                .isInstanceOf(UnderwayException.class)
                .hasMessageStartingWith("V7__x.sql:2: CREATE INDEX CONCURRENTLY cannot run inside a transaction, but the statement at line 1")
                .hasMessageContaining("into a migration of their own")
                .hasMessageContaining("-- underway:no-transaction");
    }

    @Test
    void noTransactionDirectiveAllowsMixing() {
        assertThat(ExecutionModes.of(script("-- underway:no-transaction\nCREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY i ON t (id);"), PG17))
                .isEqualTo(ExecutionMode.PER_STATEMENT);
    }

    @Test
    void addEnumValueNeedsNoTransactionOnlyBeforePostgres12() {
        MigrationScript s = script("ALTER TYPE mood ADD VALUE 'meh';");
        assertThat(ExecutionModes.of(s, PG17)).isEqualTo(ExecutionMode.TRANSACTIONAL);
        assertThat(ExecutionModes.of(s, PG11)).isEqualTo(ExecutionMode.PER_STATEMENT);
    }

    @Test
    void transactionControlInsideATransactionalMigrationIsRefused() {
        assertThatThrownBy(() -> ExecutionModes.of(script("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;"), PG17))
                .hasMessageStartingWith("V7__x.sql:1: 'BEGIN' controls the transaction");
    }

    @Test
    void mysqlAlwaysRunsStatementByStatement() {
        assertThat(ExecutionModes.of(script("CREATE TABLE t (id int); INSERT INTO t VALUES (1);"), MARIA))
                .isEqualTo(ExecutionMode.PER_STATEMENT);
    }
}
