package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class PostgresRehearseInPlaceStateIT extends RehearseInPlaceStateScenario {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }

    @Override
    String stateSchema(TestDatabase db) {
        return "public";
    }
}
