package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A statement waits for a user lock another session holds: the processlist state says so. (Not a
 * metadata lock: a statement waiting for one is retried with short lock timeouts, so it never runs
 * long; the lock-wait messages name its holder instead.)
 */
class MariaDbMigrateProgressIT extends MigrateProgressScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    void hold(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("DO GET_LOCK('underway_progress', 0)");
        }
    }

    @Override
    void release(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("DO RELEASE_LOCK('underway_progress')");
        }
    }

    @Override
    String longStatement() {
        return "DO GET_LOCK('underway_progress', 60)";
    }

    @Override
    String expectedProgress() {
        return "User lock";
    }

    @Override
    boolean exists(String schema) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + schema + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
