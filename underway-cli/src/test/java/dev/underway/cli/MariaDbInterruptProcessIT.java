package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statement by statement, as MariaDB runs every migration: the ALTER commits on its own, then an
 * UPDATE holds the row lock of live's row 1 while it sleeps; the INSERT after it must run once.
 */
class MariaDbInterruptProcessIT extends InterruptProcessScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String migration() {
        return "ALTER TABLE live ADD COLUMN c int;\nUPDATE live SET n = n + 1 + SLEEP(IF((SELECT count(*) FROM slow) > 0, "
                + HOLDS_SECONDS + ", 0)) WHERE id = 1;\nINSERT INTO log VALUES (3);\n";
    }

    @Override
    String runningSlowStatements() {
        return "SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE live SET n = n + 1 + SLEEP%'";
    }

    @Override
    String applicationQuery() {
        return "SELECT n FROM live WHERE id = 1 FOR UPDATE";
    }

    @Override
    String applicationLockTimeout() {
        return "SET SESSION innodb_lock_wait_timeout = 10";
    }

    @Override
    String aftermath() {
        return "1 of 3 statements of V1 are applied and recorded. Run migrate again: it resumes at statement 2.";
    }

    @Override
    void assertStateAfterInterruption() throws Exception {
        assertThat(stateOfV1()).isEqualTo("failed");
        assertThat(count("SELECT n FROM live WHERE id = 1")).as("the cancelled UPDATE was rolled back").isZero();
        assertThat(count("SELECT count(*) FROM log")).isZero();
    }

    @Override
    void assertStateAfterRerun(String out) throws Exception {
        assertThat(out).contains("Applied V1 slow (V1__slow.sql): 2 statements").contains("resumed at statement 2");
        assertThat(stateOfV1()).isEqualTo("applied");
        assertThat(count("SELECT n FROM live WHERE id = 1")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM log WHERE n = 3")).isEqualTo(1);
    }
}
