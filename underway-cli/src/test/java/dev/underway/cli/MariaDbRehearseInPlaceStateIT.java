package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class MariaDbRehearseInPlaceStateIT extends RehearseInPlaceStateScenario {
    @Override
    TestDatabase database() {
        return TestDatabases.mariadb();
    }

    @Override
    String stateSchema(TestDatabase db) {
        return db.name();
    }
}
