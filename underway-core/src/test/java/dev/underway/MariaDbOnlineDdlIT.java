package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.SQLException;
import java.time.Duration;

class MariaDbOnlineDdlIT extends OnlineDdlScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    Duration lockTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    String idleState() {
        return "Sleep with an open transaction";
    }

    @Override
    String sessionLabel(long id) {
        return "connection " + id;
    }

    @Override
    String longQueryOnT() {
        return "SELECT SLEEP(60) FROM t";
    }

    @Override
    boolean running(String sql) throws SQLException {
        return count("SELECT count(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND INFO = '"
                + sql.replace("'", "''") + "'") > 0;
    }
}
