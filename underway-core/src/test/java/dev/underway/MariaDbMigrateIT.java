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
