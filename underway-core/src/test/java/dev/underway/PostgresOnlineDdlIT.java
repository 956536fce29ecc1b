package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.SQLException;
import java.time.Duration;

class PostgresOnlineDdlIT extends OnlineDdlScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    Duration lockTimeout() {
        return Duration.ofMillis(500);
    }

    @Override
    String idleState() {
        return "idle in transaction";
    }

    @Override
    String sessionLabel(long id) {
        return "pid " + id;
    }

    @Override
    String longQueryOnT() {
        return "SELECT pg_sleep(60) FROM t";
    }

    @Override
    boolean running(String sql) throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = '" + sql.replace("'", "''")
                + "'") > 0;
    }
}
