package dev.underway;

import dev.underway.migration.MigratePlan;
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
 * A remedy names what its reader can change: a builder method or option for a library caller, a command-line flag
 * for the CLI ({@link Builder#audience}). Texts an instance returns follow its audience; a failure's text is chosen
 * when it is read ({@link UnderwayException#message(Audience)}).
 */
class MessageAudienceIT {
    @TempDir
    Path dir;
    private TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.postgres();
    }

    private Underway.Builder builder() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir);
    }

    @Test
    void whatWaitsForACompleteSaysHowToCompleteInTheReadersTerms() throws Exception {
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id int PRIMARY KEY, email text);");
        Files.writeString(dir.resolve("V2__rename.yaml"), """
                operations:
                  - rename_column: {table: users, from: email, to: mail}
                """);
        Files.writeString(dir.resolve("V3__after.sql"), "CREATE TABLE after (id int);");

        MigratePlan library = builder().build().plan(MigrateOptions.defaults());
        assertThat(library.waiting()).singleElement().asString()
                .contains("V3__after.sql waits until V2 is completed: complete it with expandContract(...).complete(\"2\")"
                        + " (or migrate with MigrateOptions.withComplete(true))")
                .doesNotContain("underway complete").doesNotContain("--complete");

        MigratePlan cli = builder().audience(Audience.CLI).build().plan(MigrateOptions.defaults());
        assertThat(cli.waiting()).singleElement().asString()
                .contains("V3__after.sql waits until V2 is completed: run `underway complete 2` (or migrate --complete)")
                .doesNotContain("expandContract").doesNotContain("MigrateOptions");
    }

    @Test
    void migratesLintRefusalNamesLintFixOnlyForTheCli() throws Exception {
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id int PRIMARY KEY, email text);");
        builder().build().migrate();
        Files.writeString(dir.resolve("V2__idx.sql"), "CREATE INDEX users_email ON users (email);");

        assertThatThrownBy(() -> builder().build().migrate()).isInstanceOfSatisfying(UnderwayException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.LINT_FAILED);
            assertThat(e.getMessage()).contains("Rewrite them safely (each finding says how), suppress one with")
                    .contains("or run migrate with unsafe(true)").doesNotContain("--fix").doesNotContain("--unsafe");
            assertThat(e.message(Audience.CLI))
                    .contains("Rewrite them safely (`underway lint --fix` does the mechanical cases), suppress one with")
                    .contains("or run migrate --unsafe").doesNotContain("unsafe(true)");
        });
    }

    @Test
    void aStateLocationTooLongIsRefusedWhenTheInstanceIsBuilt() {
        assertThatThrownBy(() -> builder().stateSchema("s".repeat(64)).build())
                .isInstanceOfSatisfying(UnderwayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_OPTION))
                .hasMessageContaining("state schema must be 1 to 63 characters");
        assertThatThrownBy(() -> Underway.builder().dataSource(new org.postgresql.ds.PGSimpleDataSource())
                .stateTablePrefix("p".repeat(41)).build())
                .isInstanceOfSatisfying(UnderwayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_OPTION))
                .hasMessageContaining("state table prefix must be at most 40 characters");
    }
}
