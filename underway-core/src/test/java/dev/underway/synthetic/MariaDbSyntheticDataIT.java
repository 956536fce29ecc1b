package dev.underway.synthetic;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;

import java.sql.SQLException;
import java.util.List;

class MariaDbSyntheticDataIT extends SyntheticDataScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String schema() {
        return db.name();
    }

    @Override
    List<String> feelings() {
        return List.of("sad", "ok", "it's");
    }

    @Override
    void createTables() throws SQLException {
        exec("CREATE TABLE parent (id int PRIMARY KEY, name varchar(20) NOT NULL)",
                "CREATE TABLE wide (id bigint PRIMARY KEY, code varchar(12) NOT NULL UNIQUE, tiny tinyint NOT NULL,"
                        + " small smallint unsigned NOT NULL, medium mediumint NOT NULL, price decimal(8, 2) NOT NULL,"
                        + " ratio double NOT NULL, flag boolean NOT NULL, fixed char(3) NOT NULL, note text NOT NULL,"
                        + " born date NOT NULL, at time NOT NULL, seen datetime NOT NULL, stamp timestamp NULL,"
                        + " bytes varbinary(16) NOT NULL, feeling enum('sad', 'ok', 'it''s') NOT NULL,"
                        + " perms set('r', 'w') NOT NULL, status varchar(10) NOT NULL CHECK (status IN ('new', 'active')),"
                        + " parent_id int NOT NULL, created timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                        + " gen int AS (small * 2) VIRTUAL, FOREIGN KEY (parent_id) REFERENCES parent (id))",
                "CREATE TABLE picky (id int PRIMARY KEY, n int NOT NULL CHECK (n < 0))",
                "CREATE TABLE odd (id int PRIMARY KEY, p point NOT NULL)");
    }
}
