package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * info and validate where the migration files are not (the README's {@code info --url ... --format json} on an
 * operator's machine), and what info shows of each applied migration: who installed it, its checksum, baselines.
 */
abstract class HistoryWithoutFilesScenario {
    @TempDir
    Path project;
    @TempDir
    Path elsewhere;
    TestDatabase db;

    abstract TestDatabase database();

    @BeforeEach
    void setUp() throws Exception {
        db = database();
        Path dir = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");
    }

    Cli run(Path workDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--user", db.user()));
        return Cli.run(workDir, all.toArray(String[]::new));
    }

    @Test
    void infoWithoutADirectoryListsTheAppliedHistory() throws Exception {
        assertThat(run(project, "migrate").exitCode()).isZero();

        Cli json = run(elsewhere, "info", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.err()).contains("No migration directory db/migration here (pass --dir DIR): the history as"
                + " recorded; the migration files were not checked.");
        JsonNode info = new ObjectMapper().readTree(json.out());
        assertThat(info.get("files_checked").asBoolean()).isFalse();
        assertThat(info.get("current_version").asText()).isEqualTo("2");
        JsonNode ms = info.get("migrations");
        assertThat(ms).hasSize(2);
        assertThat(ms.get(0).get("script").asText()).isEqualTo("V1__a.sql");
        assertThat(ms.get(0).get("state").asText()).isEqualTo("applied");
        assertThat(ms.get(0).get("checksum").isInt()).isTrue();
        assertThat(ms.get(0).get("installed_by").asText()).isEqualTo(db.user());

        Cli text = run(elsewhere, "info");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Installed by").contains("Checksum")
                .contains(String.valueOf(ms.get(0).get("checksum").asInt())).contains(db.user());

        Cli withFiles = run(project, "info", "--format", "json");
        JsonNode checked = new ObjectMapper().readTree(withFiles.out());
        assertThat(checked.get("files_checked").asBoolean()).isTrue();
        assertThat(checked.get("migrations").get(1).get("installed_by").asText()).isEqualTo(db.user());
    }

    /** As Flyway with a location that does not resolve: applied migrations without their files fail validate. */
    @Test
    void validateWithoutADirectoryCountsAppliedMigrationsAsMissing() {
        Cli empty = run(elsewhere, "validate");
        assertThat(empty.exitCode()).as(empty.err()).isZero();
        assertThat(empty.err()).contains("the migration files were not checked");

        assertThat(run(project, "migrate").exitCode()).isZero();
        Cli missing = run(elsewhere, "validate");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).contains("No migration directory db/migration here (pass --dir DIR)")
                .contains("Every applied migration counts as missing.")
                .contains("V1 (V1__a.sql) was applied but its file is missing");
        assertThat(run(project, "validate").exitCode()).isZero();

        Cli explicit = run(elsewhere, "info", "--dir", "db/migration");
        assertThat(explicit.exitCode()).as("a --dir given is checked").isEqualTo(2);
        assertThat(explicit.err()).contains("does not exist");
    }

    @Test
    void aBaselineShowsAsBaselineWithItsDescription() throws Exception {
        Cli baseline = run(project, "baseline", "--version", "1", "--description", "adopted as it was");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        JsonNode ms = new ObjectMapper().readTree(run(project, "info", "--format", "json").out()).get("migrations");
        assertThat(ms.get(0).get("version").asText()).isEqualTo("1");
        assertThat(ms.get(0).get("type").asText()).isEqualTo("BASELINE");
        assertThat(ms.get(0).get("description").asText()).isEqualTo("adopted as it was");
        assertThat(ms.get(0).get("state").asText()).isEqualTo("applied");
        assertThat(ms.get(0).get("installed_by").asText()).isEqualTo(db.user());
        assertThat(ms.get(1).get("state").asText()).isEqualTo("pending");
        assertThat(run(project, "info").out()).containsPattern("1\\s+adopted as it was\\s+BASELINE\\s+applied");
    }
}
