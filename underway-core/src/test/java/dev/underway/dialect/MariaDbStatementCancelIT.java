package dev.underway.dialect;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class MariaDbStatementCancelIT extends StatementCancelScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String slowUpdate() {
        return "UPDATE live SET n = n + 1 + SLEEP(30) WHERE id = 1";
    }

    @Override
    String runningSlowUpdates() {
        return "SELECT count(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE live SET n = n + 1%'";
    }
}
