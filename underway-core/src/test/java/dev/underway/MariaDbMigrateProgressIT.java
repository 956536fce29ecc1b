package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** An ALTER waits for the metadata lock an open transaction holds: the processlist state says so. */
class MariaDbMigrateProgressIT extends MigrateProgressScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    void hold(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT * FROM t");
        }
    }

    @Override
    String longStatement() {
        return "ALTER TABLE t ADD COLUMN c int";
    }

    @Override
    String expectedProgress() {
        return "Waiting for table metadata lock";
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
