package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class PostgresHistoryWithoutFilesIT extends HistoryWithoutFilesScenario {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}
