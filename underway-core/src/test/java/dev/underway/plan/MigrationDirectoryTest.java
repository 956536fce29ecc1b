package dev.underway.plan;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.MigrationScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationDirectoryTest {
    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private MigrationDirectory load() {
        return MigrationDirectory.load(dir, PostgresDialect.SYNTAX);
    }

    @Test
    void sortsVersionedNumericallyAcrossSubdirectoriesAndRepeatablesByDescription() throws IOException {
        write("V10__ten.sql", "SELECT 10;");
        write("sub/V9__nine.sql", "SELECT 9;");
        write("V1.10__one_ten.sql", "SELECT 110;");
        write("V1.9__one_nine.sql", "SELECT 19;");
        write("R__b.sql", "SELECT 'b';");
        write("deeper/R__a.sql", "SELECT 'a';");
        write("seed.sql", "SELECT 'not a migration';");
        write("notes.txt", "ignored");
        MigrationDirectory d = load();
        assertThat(d.versioned()).extracting(MigrationScript::script)
                .containsExactly("V1.9__one_nine.sql", "V1.10__one_ten.sql", "sub/V9__nine.sql", "V10__ten.sql");
        assertThat(d.repeatable()).extracting(MigrationScript::script).containsExactly("deeper/R__a.sql", "R__b.sql");
        assertThat(d.ignoredFiles()).containsExactly("seed.sql");
    }

    @Test
    void reportsEveryProblemAtOnceNamingEachFile() throws IOException {
        write("V1_init.sql", "SELECT 1;");
        write("V2__empty.sql", "-- only a comment\n\n");
        write("V3__a.sql", "SELECT 3;");
        write("other/V3.0__b.sql", "SELECT 3;");
        write("V4__broken.sql", "SELECT 1;\nSELECT $$ never closed;");
        write("R__x.sql", "SELECT 1;");
        write("more/R__x.sql", "SELECT 2;");
        assertThatThrownBy(this::load)
                .isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BAD_FILE))
                .hasMessageContaining("has 5 problems")
                .hasMessageContaining("V1_init.sql: not a valid migration name")
                .hasMessageContaining("V2__empty.sql: is empty")
                .hasMessageContaining("V3__a.sql and other/V3.0__b.sql have the same version (3)")
                .hasMessageContaining("V4__broken.sql:2: unterminated dollar-quoted string")
                .hasMessageContaining("duplicate repeatable migration \"x\"");
    }

    @Test
    void flywayUndoAndBaselineMigrationsAreRefusedNotSkipped() throws IOException {
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("U1__a.sql"), "SELECT 'undo';");
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/B1.1__base.sql"), "SELECT 'baseline';");
        Files.writeString(dir.resolve("Users_report.sql"), "SELECT 'not a migration';");
        assertThatThrownBy(this::load)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BAD_FILE))
                .hasMessageContaining("has 2 problems")
                .hasMessageContaining("U1__a.sql: a Flyway undo migration; Underway does not run undo or baseline scripts")
                .hasMessageContaining("old/B1.1__base.sql: a Flyway baseline migration; Underway does not run undo or baseline"
                        + " scripts")
                .hasMessageNotContaining("Users_report.sql");
    }

    @Test
    void rejectsInvalidUtf8() throws IOException {
        byte[] good = "-- café in UTF-8 is fine\r\nSELECT 1;\nSELECT 'caf".getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(good, good.length + 3);
        file[good.length] = (byte) 0xE9; // é in Latin-1
        file[good.length + 1] = '\'';
        file[good.length + 2] = ';';
        Files.write(dir.resolve("V1__latin1.sql"), file);
        assertThatThrownBy(this::load).hasMessageContaining("V1__latin1.sql:3: is not valid UTF-8 (byte 0xE9 at byte offset "
                + good.length + "); save the file as UTF-8");

        Files.write(dir.resolve("V1__latin1.sql"), new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', 1, (byte) 0xC3});
        assertThatThrownBy(this::load).as("a sequence cut off at the end of the file")
                .hasMessageContaining("V1__latin1.sql:1: is not valid UTF-8 (byte 0xC3 at byte offset 8)");
    }

    @Test
    void missingDirectoryIsAUsageError() {
        assertThatThrownBy(() -> MigrationDirectory.load(dir.resolve("nope"), PostgresDialect.SYNTAX))
                .isInstanceOf(UnderwayException.class).hasMessageContaining("does not exist");
    }

    @Test
    void yamlMigrationsAreListedWithTheChecksumTheirStartRecords() throws IOException {
        write("V2__rename.yaml", "\uFEFFoperations:\r\n  - sql:\r\n      up: SELECT 1\r\n");
        write("sub/V1.5__add.yml", "operations: []\n");
        write("v3__lower_case.yaml", "not a migration name: skipped, as the YAML reader skips it");
        assertThat(load().declarative()).extracting(DeclarativeScript::script, d -> d.version().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sub/V1.5__add.yml", "1.5"),
                        org.assertj.core.groups.Tuple.tuple("V2__rename.yaml", "2"));
        assertThat(load().declarative().get(1).checksum())
                .isEqualTo(Checksums.file("operations:\n  - sql:\n      up: SELECT 1\n"));
    }

    @Test
    void aYamlAndASqlMigrationWithTheSameVersionAreRefused() throws IOException {
        write("V2__a.sql", "SELECT 1;");
        write("V2.0__b.yaml", "operations: []\n");
        assertThatThrownBy(this::load).isInstanceOf(UnderwayException.class)
                .hasMessageContaining("V2__a.sql and V2.0__b.yaml have the same version (2); give one of them a new version");
    }
}
