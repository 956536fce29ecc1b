package dev.underway.dialect;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class PostgresStatementCancelIT extends StatementCancelScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String slowUpdate() {
        return "UPDATE live SET n = n + 1 + (SELECT 0 FROM pg_sleep(30)) WHERE id = 1";
    }

    @Override
    String runningSlowUpdates() {
        return "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'UPDATE live SET n = n + 1%'";
    }
}
