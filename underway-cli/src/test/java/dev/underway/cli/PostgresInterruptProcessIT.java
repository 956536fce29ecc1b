package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** The case: a transaction whose ALTER holds ACCESS EXCLUSIVE on live while pg_sleep runs. */
class PostgresInterruptProcessIT extends InterruptProcessScenario {
    private static final String COLUMN_C = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'live'"
            + " AND column_name = 'c'";

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String migration() {
        return "ALTER TABLE live ADD COLUMN c int;\nSELECT pg_sleep(CASE WHEN EXISTS (SELECT 1 FROM slow) THEN "
                + HOLDS_SECONDS + " ELSE 0 END);\n";
    }

    @Override
    String runningSlowStatements() {
        return "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'underway' AND state = 'active'"
                + " AND query LIKE 'SELECT pg_sleep(CASE%'";
    }

    @Override
    String applicationQuery() {
        return "SELECT count(*) FROM live";
    }

    @Override
    String applicationLockTimeout() {
        return "SET lock_timeout = '10s'";
    }

    @Override
    String aftermath() {
        return "V1 was rolled back: none of its statements were applied. Run migrate again to apply it.";
    }

    @Override
    void assertStateAfterInterruption() throws Exception {
        assertThat(stateOfV1()).isEqualTo("pending");
        assertThat(count(COLUMN_C)).isZero();
    }

    @Override
    void assertStateAfterRerun(String out) throws Exception {
        assertThat(out).contains("Applied V1 slow (V1__slow.sql): 2 statements");
        assertThat(stateOfV1()).isEqualTo("applied");
        assertThat(count(COLUMN_C)).isEqualTo(1);
    }
}
