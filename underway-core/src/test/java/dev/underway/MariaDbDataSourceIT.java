package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class MariaDbDataSourceIT extends DataSourceScenario {
    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String sessionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return "connection " + rs.getLong(1);
        }
    }

    @Override
    String sessionSchemaSql() {
        return "SELECT DATABASE()";
    }

    @Override
    String otherSchema() {
        return db.name() + "_b";
    }
}
