package dev.underway.plan;

import dev.underway.MigrateOptions;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationState;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.RepairResult;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Applied declarative (YAML) migrations are validated as SQL ones are: an edited or deleted file fails validate
 * (exit 4, naming the file and both checksums), info says so, and repair realigns or forgets it.
 */
class YamlValidationIT {
    private static final String RENAME = """
            operations:
              - rename_column: {table: users, from: email, to: mail}
            """;

    @TempDir
    Path dir;
    private TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.postgres();
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id int PRIMARY KEY, email text);");
        Files.writeString(dir.resolve("V2__rename.yaml"), RENAME);
    }

    private Underway underway() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir).build();
    }

    private MigrationInfo v2() {
        return underway().info().migrations().stream().filter(m -> m.version().equals(MigrationVersion.parse("2")))
                .findFirst().orElseThrow();
    }

    @Test
    void anEditedCompletedYamlFileFailsValidationUntilRepairAcceptsIt() throws Exception {
        underway().migrate(MigrateOptions.defaults().withComplete(true));
        int ran = v2().checksum();
        assertThat(underway().validate().errors()).isEmpty();

        Files.writeString(dir.resolve("V2__rename.yaml"), RENAME + "  - rename_column: {table: users, from: id, to: key}\n");
        int now = MigrationDirectory.load(dir, dev.underway.dialect.postgres.PostgresDialect.SYNTAX).declarative().get(0)
                .checksum();
        assertThatThrownBy(() -> underway().validate())
                .isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED))
                .hasMessageContaining("V2__rename.yaml (V2) changed after it was completed (checksum " + ran
                        + " completed, " + now + " now)");
        assertThat(v2()).satisfies(i -> {
            assertThat(i.type()).isEqualTo("YAML");
            assertThat(i.state()).isEqualTo(MigrationState.APPLIED);
            assertThat(i.note()).contains("file changed since it was completed");
        });
        // migrate refuses too, before anything runs.
        assertThatThrownBy(() -> underway().migrate(MigrateOptions.defaults().withComplete(true)))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED));

        RepairResult repaired = underway().repair();
        assertThat(repaired.realigned()).containsExactly("V2 (V2__rename.yaml)");
        assertThat(underway().validate().errors()).isEmpty();
        assertThat(v2().note()).isEqualTo("expand/contract, completed");
        assertThat(underway().migrate(MigrateOptions.defaults().withComplete(true)).applied()).isEmpty();
    }

    @Test
    void aDeletedStartedYamlFileFailsValidationUntilRepairForgetsIt() throws Exception {
        underway().migrate(MigrateOptions.defaults().withComplete(true));
        Files.delete(dir.resolve("V2__rename.yaml"));
        assertThatThrownBy(() -> underway().validate())
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.MISSING_FILE))
                .hasMessageContaining("V2 (V2__rename.yaml) was completed but its file is missing");
        assertThat(v2().state()).isEqualTo(MigrationState.MISSING);

        assertThat(underway().repair().removedMissing()).containsExactly("V2 (V2__rename.yaml)");
        assertThat(underway().validate().migrations()).extracting(m -> m.version().toString()).containsExactly("1");
    }

    @Test
    void aRolledBackYamlMigrationIsPendingAgainAndRepairKeepsItsRecord() throws Exception {
        underway().migrate(MigrateOptions.defaults());
        assertThat(v2().note()).isEqualTo("expand/contract, started (in flight)");
        underway().expandContract(null, null).rollback("2");
        assertThat(v2().state()).isEqualTo(MigrationState.PENDING);
        Files.writeString(dir.resolve("V2__rename.yaml"), RENAME.replace("mail", "e_mail"));
        assertThat(underway().validate().errors()).isEmpty();
        assertThat(underway().repair().changedNothing()).isTrue();
    }
}
