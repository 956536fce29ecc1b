package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What migrate prints while it works and when it fails or finds nothing, in text and JSON. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MigrateOutputCliIT {
    @TempDir
    Path work;
    Path dir;
    TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(work.resolve("db/migration"));
        db = TestDatabases.postgres();
    }

    private Cli migrate(String... extra) {
        String[] base = {"migrate", "--url", db.url(), "--user", db.user(), "--dir", dir.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(work, args);
    }

    @Test
    void eachMigrationIsAnnouncedBeforeItRunsAndALongStatementShowsItsProgress() throws Exception {
        Files.writeString(dir.resolve("V1__table.sql"), "CREATE TABLE t (id int);");
        Files.writeString(dir.resolve("V2__index.sql"), "CREATE INDEX CONCURRENTLY t_id ON t (id);");
        Cli first = migrate("--target", "1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Files.writeString(dir.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM t;");
        Cli run;
        try (Connection writer = db.connect(); Statement s = writer.createStatement()) {
            writer.setAutoCommit(false);
            s.execute("INSERT INTO t VALUES (1)");
            CompletableFuture<Cli> migrate = CompletableFuture.supplyAsync(this::migrate);
            // The first report comes once the build has run 3 s; it waits for this transaction until then.
            await().atMost(Duration.ofSeconds(60)).until(() -> db.count("SELECT count(*) FROM pg_stat_activity WHERE query"
                    + " LIKE 'CREATE INDEX CONCURRENTLY%' AND clock_timestamp() - query_start > interval '4 seconds'") == 1);
            writer.rollback();
            run = migrate.get(60, TimeUnit.SECONDS);
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence("Migrating schema public to version 2 \u2014 V2__index.sql",
                "Applied V2 index (V2__index.sql)", "Migrating schema public with repeatable migration \u2014 R__view.sql",
                "Applied R view (R__view.sql)");
        assertThat(run.err()).containsPattern("  V2__index\\.sql:1 running for \\d(\\.\\d)?s: CREATE INDEX CONCURRENTLY:"
                + " waiting for writers before build, lockers 0 of 1 \\(0%\\)");
    }

    @Test
    void aFailureWithFormatJsonIsAJsonErrorObjectOnStdout() throws Exception {
        Files.writeString(dir.resolve("V1__bad.sql"), "CREATE TABLE t (id int);\nINSERT INTO t VALUES ('x');\n");
        Cli run = migrate("--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = new ObjectMapper().readTree(run.out()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(1);
        assertThat(error.get("category").asText()).isEqualTo("failed");
        assertThat(error.get("reason").asText()).isEqualTo("statement_failed");
        assertThat(error.get("file").asText()).isEqualTo("V1__bad.sql");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("V1__bad.sql:2: ").contains("invalid input syntax")
                .contains("V1 was rolled back");
        assertThat(run.err()).contains("error: V1__bad.sql:2: ");

        Files.delete(dir.resolve("V1__bad.sql"));
        Files.writeString(dir.resolve("V1_bad_name.sql"), "SELECT 1;");
        JsonNode usage = new ObjectMapper().readTree(migrate("--format", "json").out()).get("error");
        assertThat(usage.get("code").asInt()).isEqualTo(2);
        assertThat(usage.get("category").asText()).isEqualTo("usage");
        assertThat(usage.get("reason").asText()).isEqualTo("bad_file");
        assertThat(usage.get("file").isNull()).isTrue();
    }

    @Test
    void anEmptyDirectoryWarnsExitsZeroAndCreatesNothing() throws Exception {
        Cli text = migrate("--schema", "app");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err()).contains("warning: no migrations found in " + dir + "; nothing was applied or created");
        assertThat(text.out()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(migrate("--schema", "app", "--format", "json").out());
        assertThat(json.get("warnings").get(0).asText()).startsWith("no migrations found in ");
        assertThat(json.get("applied")).isEmpty();
        assertThat(db.count("SELECT count(*) FROM pg_namespace WHERE nspname IN ('app', 'underway')")).isZero();
    }
}
