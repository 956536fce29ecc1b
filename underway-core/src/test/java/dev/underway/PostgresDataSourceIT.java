package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresDataSourceIT extends DataSourceScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String sessionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return "pid " + rs.getInt(1);
        }
    }

    @Override
    String sessionSchemaSql() {
        return "SHOW search_path";
    }

    @Override
    String otherSchema() {
        return "app2";
    }
}
