package dev.underway.dialect;

import dev.underway.dialect.mysql.MySqlDialect;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.exec.StatementPlanner;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.TimeoutClass;
import dev.underway.sql.StatementSplitter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements get the short lock timeout and which statement timeout, per engine: the
 * class comes from the classifier's verdict (a statement planned without earlier migrations as
 * context, so unknown tables count as existing ones).
 */
class TimeoutPolicyTest {
    private static final Dialect PG = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17.6"));
    private static final Dialect MARIA = Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("11.4.5"));

    private static SqlStatement pg(String sql) {
        return new StatementSplitter(PostgresDialect.SYNTAX).split(sql, "t.sql").statements().get(0);
    }

    private static TimeoutClass classOf(Dialect dialect, SqlStatement s) {
        return new StatementPlanner(dialect, OnlineExecution.DEFAULTS).planAlone(s).timeoutClass();
    }

    private static SqlStatement mysql(String sql) {
        return new StatementSplitter(MySqlDialect.SYNTAX).split(sql, "t.sql").statements().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE t ADD COLUMN c int                                  | BRIEF_STRONG_LOCK",
            "ALTER TABLE t ADD CONSTRAINT c CHECK (v > 0) NOT VALID          | BRIEF_STRONG_LOCK",
            "ALTER TABLE t VALIDATE CONSTRAINT c                             | LONG_NON_BLOCKING",
            "ALTER TABLE ONLY t VALIDATE CONSTRAINT c                        | LONG_NON_BLOCKING",
            "ALTER TABLE t VALIDATE CONSTRAINT c, ADD COLUMN d int           | BRIEF_STRONG_LOCK",
            "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY                  | LONG_NON_BLOCKING",
            "ALTER TABLE p DETACH PARTITION p1                               | BRIEF_STRONG_LOCK",
            "CREATE INDEX CONCURRENTLY i ON t (v)                            | LONG_NON_BLOCKING",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (v)       | LONG_NON_BLOCKING",
            "CREATE INDEX i ON t (v)                                         | BRIEF_STRONG_LOCK",
            "CREATE INDEX i ON t (concurrently)                              | BRIEF_STRONG_LOCK",
            "DROP INDEX CONCURRENTLY i                                       | LONG_NON_BLOCKING",
            "DROP INDEX i                                                    | BRIEF_STRONG_LOCK",
            "DROP TABLE t                                                    | BRIEF_STRONG_LOCK",
            "REINDEX INDEX CONCURRENTLY i                                    | LONG_NON_BLOCKING",
            "REINDEX TABLE t                                                 | BRIEF_STRONG_LOCK",
            "VACUUM t                                                        | LONG_NON_BLOCKING",
            "VACUUM FULL t                                                   | BRIEF_STRONG_LOCK",
            "ANALYZE t                                                       | LONG_NON_BLOCKING",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv                       | LONG_NON_BLOCKING",
            "REFRESH MATERIALIZED VIEW mv                                    | BRIEF_STRONG_LOCK",
            "TRUNCATE t                                                      | BRIEF_STRONG_LOCK",
            "LOCK TABLE t IN SHARE MODE                                      | BRIEF_STRONG_LOCK",
            "CREATE TRIGGER tr AFTER INSERT ON t EXECUTE FUNCTION f()        | BRIEF_STRONG_LOCK",
            "CREATE OR REPLACE VIEW v AS SELECT 1                            | BRIEF_STRONG_LOCK",
            "CREATE TABLE c (id int REFERENCES p (id))                       | BRIEF_STRONG_LOCK",
            "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)                | BRIEF_STRONG_LOCK",
            "CREATE TABLE n (id int PRIMARY KEY)                             | OTHER",
            "CREATE VIEW v AS SELECT 1                                       | OTHER",
            "DROP VIEW v                                                     | BRIEF_STRONG_LOCK",
            "DO $$ BEGIN PERFORM 1; END $$                                   | UNJUDGED",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'      | OTHER",
            "INSERT INTO t VALUES (1)                                        | OTHER",
            "UPDATE t SET v = 1                                              | OTHER",
            "COMMENT ON TABLE t IS 'x'                                       | OTHER"})
    void postgres(String sql, TimeoutClass expected) {
        assertThat(classOf(PG, pg(sql))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE t ADD COLUMN c int                                  | BRIEF_STRONG_LOCK",
            "ALTER TABLE t ADD INDEX iv (v)                                  | LONG_NON_BLOCKING",
            "ALTER TABLE db.t ADD UNIQUE KEY uv (v), ALGORITHM=INPLACE, LOCK=NONE | LONG_NON_BLOCKING",
            "ALTER TABLE IF EXISTS t ADD CONSTRAINT u UNIQUE (v)             | LONG_NON_BLOCKING",
            "ALTER TABLE t ADD INDEX iv (v), ADD COLUMN c int                | LONG_NON_BLOCKING",
            "ALTER TABLE t ADD PRIMARY KEY (id)                              | LONG_NON_BLOCKING",
            "CREATE INDEX iv ON t (v)                                        | LONG_NON_BLOCKING",
            "CREATE UNIQUE INDEX iv ON t (v)                                 | LONG_NON_BLOCKING",
            "CREATE TABLE n (id int)                                         | OTHER",
            "CREATE OR REPLACE VIEW v AS SELECT 1                            | BRIEF_STRONG_LOCK",
            "DROP VIEW v                                                     | BRIEF_STRONG_LOCK",
            "CALL p()                                                        | UNJUDGED",
            "RENAME TABLE a TO b                                             | BRIEF_STRONG_LOCK",
            "DROP TABLE t                                                    | BRIEF_STRONG_LOCK",
            "TRUNCATE TABLE t                                                | BRIEF_STRONG_LOCK",
            "INSERT INTO t VALUES (1)                                        | OTHER",
            "UPDATE t SET v = 1                                              | OTHER"})
    void mysqlAndMariaDb(String sql, TimeoutClass expected) {
        assertThat(classOf(MARIA, mysql(sql))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"BRIEF_STRONG_LOCK, true, true", "LONG_NON_BLOCKING, false, true", "UNJUDGED, true, true",
            "OTHER, false, false"})
    void onlyMySqlGivesLongWorkTheLockTimeout(TimeoutClass c, boolean postgres, boolean mariadb) {
        assertThat(PG.timeoutPolicy().takesLockTimeout(c)).isEqualTo(postgres);
        assertThat(MARIA.timeoutPolicy().takesLockTimeout(c)).isEqualTo(mariadb);
    }
}
