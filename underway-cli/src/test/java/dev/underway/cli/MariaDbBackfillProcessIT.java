package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class MariaDbBackfillProcessIT extends BackfillProcessScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String stateName() {
        return db.name() + ".t";
    }
}
