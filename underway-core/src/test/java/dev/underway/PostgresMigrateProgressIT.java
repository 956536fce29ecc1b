package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A concurrent index build waits for a writer's transaction: pg_stat_progress_create_index names the phase. */
class PostgresMigrateProgressIT extends MigrateProgressScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void hold(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("INSERT INTO t VALUES (1)");
        }
    }

    @Override
    String longStatement() {
        return "CREATE INDEX CONCURRENTLY t_id ON t (id)";
    }

    @Override
    String expectedProgress() {
        return "CREATE INDEX CONCURRENTLY: waiting for writers before build, lockers 0 of 1 (0%)";
    }

    @Override
    boolean exists(String schema) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_namespace WHERE nspname IN ('" + schema + "', 'underway')")) {
            rs.next();
            // Neither the target schema nor the state schema.
            return rs.getLong(1) > 0;
        }
    }
}
