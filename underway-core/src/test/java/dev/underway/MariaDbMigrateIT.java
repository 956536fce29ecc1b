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
        // The server the build chose (11.4 by default, 10.11 in the mariadb-10.11 failsafe execution).
        assertThat(r.database()).startsWith("MariaDB " + System.getProperty(TestDatabases.MARIADB_VERSION, "11.4"));
        assertThat(r.applied()).hasSize(1);
    }

    /**
     * What the executor appends must be what this server accepts: MariaDB's {@code DROP INDEX ... ON}
     * takes no ALGORITHM or LOCK (a syntax error, 1064, on 10.11 and 11.4 alike), the ALTER TABLE form does.
     */
    @Test
    void everyOnlineClauseTheExecutorAppendsIsAcceptedByTheServer() throws Exception {
        write("V1__t2.sql", "CREATE TABLE t2 (id int PRIMARY KEY, v int, s varchar(31), KEY j (v), KEY k (v), KEY m (v))"
                + " DEFAULT CHARSET=utf8mb4;");
        write("V2__online.sql", """
                DROP INDEX IF EXISTS j ON t2;
                DROP INDEX k ON t2 WAIT 5;
                ALTER TABLE t2 DROP INDEX IF EXISTS m;
                CREATE INDEX n ON t2 (v);
                ALTER TABLE t2 MODIFY s varchar(64);
                ALTER TABLE t2 ADD COLUMN made datetime DEFAULT (now());
                """);
        assertThat(underway().plan().migrations().get(1).statements()).extracting(e -> e.sql()).containsExactly(
                "DROP INDEX IF EXISTS j ON t2",
                "DROP INDEX k ON t2 WAIT 5",
                "ALTER TABLE t2 DROP INDEX IF EXISTS m, ALGORITHM=INPLACE, LOCK=NONE",
                "CREATE INDEX n ON t2 (v) ALGORITHM=INPLACE LOCK=NONE",
                "ALTER TABLE t2 MODIFY s varchar(64), ALGORITHM=INSTANT",
                "ALTER TABLE t2 ADD COLUMN made datetime DEFAULT (now()), ALGORITHM=INSTANT");
        assertThat(underway().migrate().applied()).hasSize(2);
        assertThat(strings("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '"
                + db.name() + "' AND TABLE_NAME = 't2' ORDER BY 1")).containsExactly("n", "PRIMARY");
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
