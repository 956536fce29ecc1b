package dev.underway.load;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

class MariaDbLoadIT extends LoadScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String schema() {
        return db.name();
    }

    @Override
    void countUpdates() throws SQLException {
        exec("CREATE TRIGGER t_count AFTER UPDATE ON t FOR EACH ROW UPDATE updates SET n = n + 1");
    }

    @Override
    void failUpdates() throws SQLException {
        exec("CREATE TRIGGER t_fail BEFORE UPDATE ON t FOR EACH ROW SIGNAL SQLSTATE '22012'"
                + " SET MESSAGE_TEXT = 'no updates here'");
    }

    @Override
    Connection lockTable() throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // Holds the table's metadata lock exclusively, as an ALTER copying the table would.
            s.execute("LOCK TABLES t WRITE");
        }
        return c;
    }

    @Override
    int waitingForLock() throws SQLException {
        return (int) count("SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                + " AND STATE LIKE 'Waiting for table%lock'");
    }
}
