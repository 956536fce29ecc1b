package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

class MariaDbOnlineCliIT extends OnlineCliScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String lockTimeout() {
        return "1s";
    }

    @Override
    String blockerSessionId(long id) {
        return "connection " + id;
    }

    @Override
    String idleState() {
        return "Sleep with an open transaction";
    }
}
