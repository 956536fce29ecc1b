package dev.underway;

import dev.underway.report.LintTarget;
import dev.underway.report.LintTarget.Engine;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Underway#lintTarget()}: the engine and version lint judges by are the server's, read from the server. */
class LintTargetIT {
    @Test
    void postgresReportsItsEngineAndVersion() {
        TestDatabase db = TestDatabases.postgres();
        try (Underway uw = Underway.builder().url(db.url()).user(db.user()).password(db.password()).build()) {
            LintTarget t = uw.lintTarget();
            assertThat(t.engine()).isEqualTo(Engine.POSTGRESQL);
            assertThat(t.version()).matches("\\d+\\.\\d+(\\.\\d+)?");
            assertThat(t.describe()).startsWith("PostgreSQL ");
        }
    }

    @Test
    void mariaDbBehindAMySqlUrlIsMariaDb() {
        TestDatabase db = TestDatabases.mariadb();
        String mysqlUrl = db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
        try (Underway uw = Underway.builder().url(mysqlUrl).user(db.user()).password(db.password()).build()) {
            assertThat(uw.lintTarget().engine()).isEqualTo(Engine.MARIADB);
        }
    }

    @Test
    void theRedactedUrlHidesThePassword() {
        try (Underway uw = Underway.builder().url("jdbc:postgresql://localhost:1/db?password=s3cret&x=1").build()) {
            assertThat(uw.redactedUrl()).isEqualTo("jdbc:postgresql://localhost:1/db?password=***&x=1");
        }
    }
}
