package dev.underway;

import dev.underway.report.LintReport;
import dev.underway.report.TracedStatement;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** lint and trace through the facade, for the target's engine and version. */
class PostgresToolsIT {
    @TempDir
    Path dir;

    private final TestDatabase db = TestDatabases.postgres();

    private Underway underway() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir).build();
    }

    @Test
    void lintJudgesTheDirectoryForTheTargetsServer() throws Exception {
        Files.writeString(dir.resolve("V1__idx.sql"), "CREATE INDEX orders_id ON orders (id);");
        try (Underway uw = underway()) {
            LintReport report = uw.lint();
            assertThat(report.findings()).extracting(f -> f.code()).contains("PG101");
            assertThat(report.hasErrors()).isTrue();
        }
    }

    @Test
    void traceRecordsTheLocksEachStatementTakesOnAScratchDatabase() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);");
        Files.writeString(dir.resolve("V2__col.sql"), "ALTER TABLE t ADD COLUMN c int;");
        try (Underway uw = underway()) {
            List<TracedStatement> traced = uw.trace(dir);
            assertThat(traced).hasSize(2);
            assertThat(traced.get(1).observation().locks()).isNotEmpty();
        }
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")).isZero();
    }

    @Test
    void traceRefusesMariaDb() {
        TestDatabase maria = TestDatabases.mariadb();
        Underway uw = Underway.builder().url(maria.url()).user(maria.user()).password(maria.password()).build();
        assertThatThrownBy(() -> uw.trace(dir)).isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.UNSUPPORTED));
    }
}
