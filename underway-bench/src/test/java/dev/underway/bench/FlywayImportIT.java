package dev.underway.bench;

import dev.underway.Underway;
import dev.underway.migration.MigrationState;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A directory Flyway applied is adopted with baseline --from-flyway: same checksums, nothing re-applied. */
class FlywayImportIT {
    @TempDir
    Path dir;

    @Test
    void importedHistoryValidatesAgainstTheSameFilesOnPostgres() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        Files.writeString(dir.resolve("V1__create.sql"), "\uFEFFCREATE TABLE a (id int);\r\n-- a comment\r\n");
        importedHistoryValidates(db);
    }

    @Test
    void importedHistoryValidatesAgainstTheSameFilesOnMariaDb() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        // What MySQL dumps and tools write: a BOM, CRLF, # comments, a version comment, a DELIMITER block.
        Files.writeString(dir.resolve("V1__create.sql"), """
                \uFEFF# created by hand\r
                CREATE TABLE a (id int) /*!ENGINE=InnoDB */;\r
                DELIMITER //
                CREATE PROCEDURE fill_a() BEGIN INSERT INTO a VALUES (1); INSERT INTO a VALUES (2); END //
                DELIMITER ;
                CALL fill_a();
                """);
        importedHistoryValidates(db);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM a")) {
            rs.next();
            assertThat(rs.getInt(1)).as("Flyway's rows, not applied again").isEqualTo(2);
        }
    }

    private void importedHistoryValidates(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("V1_1__more.sql"), "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n");
        Files.writeString(dir.resolve("R__view.sql"), "CREATE OR REPLACE VIEW bv AS SELECT id FROM b;");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("filesystem:" + dir).load().migrate();

        Underway uw = Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir).build();
        assertThat(uw.baselineFromFlyway("flyway_schema_history")).hasSize(3);
        Underway.Info info = uw.validate();
        assertThat(info.errors()).isEmpty();
        assertThat(info.migrations()).extracting(m -> m.state()).containsOnly(MigrationState.APPLIED);
        assertThat(info.currentVersion().toString()).isEqualTo("1.1");

        Files.writeString(dir.resolve("V2__next.sql"), "INSERT INTO b VALUES (2);");
        assertThat(uw.migrate().applied()).extracting(a -> a.label()).containsExactly("V2");
    }
}
