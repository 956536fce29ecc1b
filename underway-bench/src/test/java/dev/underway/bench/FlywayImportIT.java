package dev.underway.bench;

import dev.underway.Underway;
import dev.underway.plan.MigrationState;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A directory Flyway applied is adopted with baseline --from-flyway: same checksums, nothing re-applied. */
class FlywayImportIT {
    @TempDir
    Path dir;

    @Test
    void importedHistoryValidatesAgainstTheSameFiles() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        Files.writeString(dir.resolve("V1__create.sql"), "\uFEFFCREATE TABLE a (id int);\r\n-- a comment\r\n");
        Files.writeString(dir.resolve("V1_1__more.sql"), "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n");
        Files.writeString(dir.resolve("R__view.sql"), "CREATE OR REPLACE VIEW bv AS SELECT id FROM b;");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("filesystem:" + dir).load().migrate();

        Underway uw = Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir).build();
        assertThat(uw.baselineFromFlyway("flyway_schema_history")).hasSize(3);
        Underway.Info info = uw.validate();
        assertThat(info.migrations()).extracting(m -> m.state()).containsOnly(MigrationState.APPLIED);
        assertThat(info.currentVersion().toString()).isEqualTo("1.1");

        Files.writeString(dir.resolve("V2__next.sql"), "INSERT INTO b VALUES (2);");
        assertThat(uw.migrate().applied()).extracting(a -> a.label()).containsExactly("V2");
    }
}
