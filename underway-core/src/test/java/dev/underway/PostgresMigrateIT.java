package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresMigrateIT extends MigrateScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String perStatementHeader() {
        return "-- underway:no-transaction\n";
    }

    @Test
    void theSplitterTortureFileRunsOnTheServer() throws Exception {
        migrateTortureFile("/torture/postgres", 13);
        assertThat(strings("SELECT id || '=' || label FROM torture ORDER BY id")).containsExactly(
                "1=it's; a \"semicolon\"",
                "2=escaped ' quote; and a \\ backslash",
                "3=the terminator is on the next line",
                "4=a;b;cx$$y; z",
                "10=from; a procedure",
                "11=from; a procedure!");
        assertThat(strings("SELECT \"we;ird \"\"col\"\"\" FROM \"Quoted;Table\"")).containsExactly("7");
        assertThat(strings("SELECT atomic_add(2, 3) || ' ' || atomic_sign(1) || ' ' || atomic_sign(0)"))
                .containsExactly("5 positive; not positive;");
    }

    @Test
    void aFailingTransactionalMigrationLeavesNoTrace() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V2__b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\nSELECT 1/0;");
        assertThatThrownBy(() -> underway().migrate())
                .hasMessageContaining("V2__b.sql:3: ERROR: division by zero")
                .hasMessageContaining("[SQLSTATE 22012]")
                .hasMessageContaining("V2 was rolled back: none of its statements were applied")
                .hasMessageContaining("The 1 migration(s) applied before it in this run stay applied");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'b'")).isZero();
        assertThat(states()).containsExactly("1:applied", "2:pending");
    }

    @Test
    void aFileMixingTransactionalAndConcurrentStatementsIsRefusedBeforeAnythingRuns() throws Exception {
        write("V1__t.sql", "CREATE TABLE t (id int);");
        write("V2__mixed.sql", "ALTER TABLE t ADD COLUMN c int;\nCREATE INDEX CONCURRENTLY t_c ON t (c);");
        assertThatThrownBy(() -> underway().migrate())
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.REFUSED_STATEMENT))
                .hasMessageContaining("V2__mixed.sql:2: CREATE INDEX CONCURRENTLY cannot run inside a transaction");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")).isZero();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentIndexBuildsRunOutsideATransactionWhileTheLockIsHeld() throws Exception {
        // Flyway's transactional advisory lock makes this hang; a session-level lock must not.
        write("V1__t.sql", "CREATE TABLE t (id int);\nINSERT INTO t SELECT generate_series(1, 1000);");
        write("V2__idx.sql", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);");
        assertThat(underway().migrate().applied()).extracting(a -> a.mode().name())
                .containsExactly("TRANSACTIONAL", "PER_STATEMENT");
        assertThat(count("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE c.relname = 't_id_idx' AND i.indisvalid")).isEqualTo(1);
    }

    @Test
    void schemaOptionCreatesTheSchemaAndResolvesNamesInIt() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (42);");
        builder().schema("Sales Team").build().migrate();
        assertThat(count("SELECT id FROM \"Sales Team\".a")).isEqualTo(42);
    }
}
