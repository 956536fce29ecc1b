package dev.underway;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class MariaDbMigrateIT extends MigrateScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String perStatementHeader() {
        return "";
    }

    @Test
    void mysqlUrlsWorkAndTheServerDecidesTheDialect() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        var r = Underway.builder().url(db.mysqlUrl()).user(db.user()).password(db.password()).directory(dir).build().migrate();
        assertThat(r.database()).startsWith("MariaDB 11.");
        assertThat(r.applied()).hasSize(1);
    }

    @Test
    void theSplitterTortureFileRunsOnTheServer() throws Exception {
        migrateTortureFile("/torture/mariadb", 13);
        assertThat(strings("SELECT CONCAT(`key`, '=', `semi;colon`) FROM `order` ORDER BY `key`")).containsExactly(
                "1=it's; a \"semicolon\"",
                "2=double; \"quoted\" string",
                "3=back\\slash and 'quote';",
                "4=four",
                "5=SHOUT;",
                "100=proc;0", "101=proc;1", "102=proc;2");
        assertThat(strings("SELECT CONCAT(id, '=', note) FROM versioned")).containsExactly("1=version; comment");
        assertThat(strings("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'versioned'")).containsExactly("InnoDB");
        assertThat(count("SELECT twice(21)")).isEqualTo(42);
    }

    @Test
    void storedProceduresWithDelimiterRun() throws Exception {
        write("V1__proc.sql", """
                CREATE TABLE counter (n int);
                INSERT INTO counter VALUES (0);
                DELIMITER $$
                CREATE PROCEDURE bump()
                BEGIN
                  UPDATE counter SET n = n + 1;
                  UPDATE counter SET n = n + 1;
                END$$
                DELIMITER ;
                CALL bump();
                """);
        underway().migrate();
        assertThat(count("SELECT n FROM counter")).isEqualTo(2);
    }
}
