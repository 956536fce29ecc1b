package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class MariaDbHistoryWithoutFilesIT extends HistoryWithoutFilesScenario {
    @Override
    TestDatabase database() {
        return TestDatabases.mariadb();
    }
}
