package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** start, complete, rollback, status and migrate on YAML migrations: outputs and exit codes. */
class ExpandContractCliIT {
    static final String RETYPE = """
            operations:
              - alter_column:
                  table: users
                  column: score
                  type: integer
                  up: CAST(score AS integer)
                  down: CAST(score AS text)
            """;
    @TempDir
    Path work;
    TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.postgres();
        sql("CREATE TABLE users (id int PRIMARY KEY, score text); INSERT INTO users VALUES (1, '5'), (2, '7')");
    }

    private void sql(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Cli run(String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--url", db.url(), "--user", db.user()));
        return Cli.run(work, full.toArray(String[]::new));
    }

    @Test
    void dryRunStartStatusAndComplete() throws Exception {
        Files.writeString(work.resolve("V2__score.yaml"), RETYPE);
        Cli dry = run("start", "V2__score.yaml", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("-- Dry run of start V2 (V2__score.yaml): new version schema public_v2, old"
                        + " version public. Nothing is changed.")
                .contains("-- 1. [columns] add users._uw_score carrying the new shape of score")
                .contains("-- lock: ACCESS EXCLUSIVE, lock timeout 1s, statement timeout 1m\nALTER TABLE \"public\".\"users\""
                        + " ADD COLUMN \"_uw_score\" integer;")
                .contains("[backfill] backfill users in batches");
        assertThat(db.column("SELECT nspname FROM pg_namespace WHERE nspname = 'public_v2'")).isEmpty();

        Cli start = run("start", "V2__score.yaml");
        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).contains("Started V2: 4 actions").contains("search_path = public_v2");
        assertThat(start.err()).contains("V2 start [1/4] add users._uw_score");

        Cli status = run("status", "--format", "json");
        assertThat(status.exitCode()).isZero();
        JsonNode flight = new ObjectMapper().readTree(status.out()).get("in_flight").get(0);
        assertThat(flight.get("version").asText()).isEqualTo("2");
        assertThat(flight.get("phase").asText()).isEqualTo("started");
        assertThat(flight.get("new_schema").asText()).isEqualTo("public_v2");
        assertThat(flight.get("tables").get(0).asText()).isEqualTo("users");
        assertThat(flight.get("backfills").get(0).get("status").asText()).isEqualTo("done");
        assertThat(flight.get("backfills").get(0).get("rows_done").asLong()).isEqualTo(2);
        assertThat(flight.get("actions_done").asInt()).isEqualTo(4);
        assertThat(flight.get("actions_total").asInt()).isEqualTo(4);
        assertThat(run("status").out()).contains("V2 (V2__score.yaml): started (4 of 4 actions done), waiting for"
                + " complete or rollback");

        Cli again = run("start", "V2__score.yaml");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("V2 is already started (on ").contains("Nothing to do: an earlier run"
                + " finished this start.");

        Cli complete = run("complete", "--dry-run");
        assertThat(complete.out()).contains("[contract] contract in one transaction");
        assertThat(run("complete").out()).contains("Completed V2");
        assertThat(db.column("SELECT score + 1 FROM users ORDER BY id")).containsExactly("6", "8");
        assertThat(run("status").out()).contains("No declarative migration is in flight.");
    }

    /** The README's alter_column example, as the README shows it, on examples/ (whose view reads users.email). */
    @Test
    void theReadmeExampleCompletesOnTheExamplesDirectoryWithItsView() throws Exception {
        sql("DROP TABLE users");
        Cli migrate = run("migrate", "--dir", dev.underway.testkit.ProjectFiles.examples().toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        String readme = Files.readString(dev.underway.testkit.ProjectFiles.root().resolve("README.md"));
        String example = readme.substring(readme.indexOf("```yaml\n", readme.indexOf("`V7__email.yaml`, in")) + 8);
        Files.writeString(work.resolve("V7__email.yaml"), example.substring(0, example.indexOf("```")));

        Cli dry = run("start", "V7__email.yaml", "--dry-run");
        assertThat(dry.out()).contains("-- Note: complete re-creates view public.user_summary (it depends on column"
                + " users.email, which complete replaces by its new shape)");
        assertThat(run("start", "V7__email.yaml").exitCode()).isZero();
        Cli complete = run("complete");
        assertThat(complete.exitCode()).as(complete.err()).isZero();
        assertThat(complete.out()).contains("Completed V7");
        assertThat(db.column("SELECT email || ' ' || shown_as || ' ' || posts FROM user_summary ORDER BY id"))
                .containsExactly("ada@example.com Ada Lovelace 2", "grace@example.com grace@example.com 1");
        assertThat(db.column("SELECT pg_get_viewdef('user_summary'::regclass)").get(0)).contains("u.email_address AS email");
        assertThat(run("complete").out()).contains("V7 is already completed");
    }

    @Test
    void rollbackAndBadInput() throws Exception {
        Files.writeString(work.resolve("V2__score.yaml"), RETYPE);
        Files.writeString(work.resolve("V3__bad.yaml"), "operations:\n  - alter_column:\n      table: users\n"
                + "      column: score\n      typ: integer\n");
        Cli bad = run("start", "V3__bad.yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("error: V3__bad.yaml:5: alter_column: unknown key 'typ'");
        Cli nothing = run("rollback");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("no declarative migration is in flight");
        assertThat(run("start", "V2__score.yaml").exitCode()).isZero();
        Cli rollback = run("rollback", "2");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("Rolled back V2");
        assertThat(db.column("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid ="
                + " 'users'::regclass AND attnum > 0 AND NOT attisdropped")).containsExactly("id,score");
        assertThat(db.column("SELECT phase || ':' || success FROM underway.history ORDER BY installed_rank"))
                .containsExactly("rolled back:false", "rollback:false");
    }

    @Test
    void migrateRunsSqlAndYamlInVersionOrderAndCompletes() throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__table.sql"), "CREATE TABLE items (id int PRIMARY KEY, qty text);"
                + " INSERT INTO items VALUES (1, '3');");
        Files.writeString(dir.resolve("V2__qty.yaml"), """
                operations:
                  - alter_column: {table: items, column: qty, type: integer, up: CAST(qty AS integer), down: qty::text}
                """);
        Files.writeString(dir.resolve("V3__after.sql"), "INSERT INTO items VALUES (2, 4);");
        JsonNode before = new ObjectMapper().readTree(run("info", "--format", "json").out()).get("migrations");
        assertThat(before).extracting(m -> m.get("script").asText() + ":" + m.get("type").asText() + ":"
                + m.get("state").asText()).containsExactly("V1__table.sql:SQL:pending", "V2__qty.yaml:YAML:pending",
                "V3__after.sql:SQL:pending");
        Cli migrate = run("migrate", "--complete", "--format", "json");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        JsonNode applied = new ObjectMapper().readTree(migrate.out()).get("applied");
        assertThat(applied).extracting(a -> a.get("migration").asText())
                .containsExactly("V1", "V2 start", "V2 complete", "V3");
        assertThat(applied.get(1).get("mode").asText()).isEqualTo("expand_contract");
        assertThat(db.column("SELECT sum(qty) FROM items")).containsExactly("7");
        Cli info = run("info");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("expand/contract, completed");
        assertThat(run("migrate").out()).contains("nothing to apply");
    }

    @Test
    void migrateDryRunPrintsTheYamlPhasesInVersionOrderWithTheSqlMigrationsAndChangesNothing() throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__more.sql"), "CREATE TABLE more (id int PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__score.yaml"), RETYPE);
        Files.writeString(dir.resolve("V3__after.sql"), "INSERT INTO more VALUES (1);");

        Cli dry = run("migrate", "--dry-run", "--complete");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        String out = dry.out();
        assertThat(out).startsWith("-- Dry run on PostgreSQL").contains(": 3 pending migration(s). Nothing is applied.")
                .contains("-- line 1\nCREATE TABLE more (id int PRIMARY KEY);")
                .contains("-- V2 start (V2__score.yaml), expand/contract: new version schema public_v2, old version public")
                .contains("-- lock: ACCESS EXCLUSIVE, lock timeout 1s, statement timeout 1m\nALTER TABLE \"public\".\"users\""
                        + " ADD COLUMN \"_uw_score\" integer;")
                .contains("-- V2 complete (V2__score.yaml), expand/contract")
                .contains("-- line 1\nINSERT INTO more VALUES (1);");
        assertThat(out.indexOf("V1__more.sql")).isLessThan(out.indexOf("-- V2 start"));
        assertThat(out.indexOf("-- V2 start")).isLessThan(out.indexOf("-- V2 complete"));
        assertThat(out.indexOf("-- V2 complete")).isLessThan(out.indexOf("V3__after.sql"));
        assertThat(db.column("SELECT count(*) FROM pg_namespace WHERE nspname IN ('underway', 'public_v2')"))
                .containsExactly("0");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE tablename = 'more'")).containsExactly("0");

        Cli started = run("migrate", "--dry-run");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("-- V2 start (V2__score.yaml)").doesNotContain("-- V2 complete")
                .contains("-- V3__after.sql waits until V2 is completed");
    }

    @Test
    void migrateCompleteCountsADeclarativeMigrationOnce() throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__table.sql"), "CREATE TABLE items (id int PRIMARY KEY, qty text);");
        Files.writeString(dir.resolve("V2__qty.yaml"), """
                operations:
                  - alter_column: {table: items, column: qty, type: integer, up: CAST(qty AS integer), down: qty::text}
                """);
        Cli migrate = run("migrate", "--complete");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("Applied 2 migration(s) to schema public");
    }

    @Test
    void withoutCompleteMigrateStopsAfterTheStartAndWhatComesAfterWaits() throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__table.sql"), "CREATE TABLE people (id int PRIMARY KEY, email text);");
        Files.writeString(dir.resolve("V2__rename.yaml"), """
                operations:
                  - rename_column: {table: people, from: email, to: email_address}
                """);
        Files.writeString(dir.resolve("V3__use.sql"), "-- underway:no-transaction\n"
                + "CREATE INDEX CONCURRENTLY people_email ON people (email_address);");

        Cli started = run("migrate", "--format", "json");
        assertThat(started.exitCode()).as(started.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(started.out());
        assertThat(out.get("applied")).extracting(a -> a.get("migration").asText()).containsExactly("V1", "V2 start");
        assertThat(out.get("waiting").get(0).asText()).contains("V3__use.sql waits until V2 is completed");
        assertThat(started.err()).contains("run `underway complete 2`");
        assertThat(db.column("SELECT count(*) FROM pg_indexes WHERE indexname = 'people_email'")).containsExactly("0");
        assertThat(db.column("SELECT script FROM underway.history WHERE version = '3'")).isEmpty();

        // Running it again changes nothing: V2 is still in flight and V3 still waits.
        assertThat(run("migrate").err()).contains("V3__use.sql waits until V2 is completed");

        Cli completed = run("migrate", "--complete");
        assertThat(completed.exitCode()).as(completed.err()).isZero();
        assertThat(db.column("SELECT count(*) FROM pg_indexes WHERE indexname = 'people_email'")).containsExactly("1");
    }

    @Test
    void theLintGateJudgesTheWholeDirectoryAndSqlOperationsBeforeAnythingRuns() throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__table.sql"), "CREATE TABLE things (id int PRIMARY KEY, qty int);");
        Files.writeString(dir.resolve("V2__qty.yaml"), """
                operations:
                  - alter_column: {table: things, column: qty, type: bigint, up: qty, down: qty}
                """);
        Files.writeString(dir.resolve("V3__idx.sql"), "CREATE INDEX things_qty ON things (qty);");

        Cli refused = run("migrate", "--complete");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("PG101").contains("nothing was applied");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE tablename = 'things'")).containsExactly("0");

        Files.delete(dir.resolve("V3__idx.sql"));
        Files.writeString(dir.resolve("V4__sql.yaml"), """
                operations:
                  - sql:
                      up: CREATE INDEX things_qty ON things (qty)
                """);
        Cli yamlRefused = run("migrate", "--complete");
        assertThat(yamlRefused.exitCode()).isEqualTo(1);
        assertThat(yamlRefused.err()).contains("V4__sql.yaml:3: PG101").contains("PG101");
        assertThat(db.column("SELECT count(*) FROM pg_tables WHERE tablename = 'things'")).containsExactly("0");

        Files.writeString(work.resolve("V5__sql.yaml"), """
                operations:
                  - sql:
                      up: CREATE INDEX users_score ON users (score)
                """);
        Cli start = run("start", "V5__sql.yaml");
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).contains("start refused").contains("PG101");
        assertThat(run("start", "V5__sql.yaml", "--unsafe").exitCode()).isZero();
        assertThat(db.column("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_score'")).containsExactly("1");
    }

    @Test
    void mariaDbIsRefusedClearly() throws Exception {
        TestDatabase maria = TestDatabases.mariadb();
        Files.writeString(work.resolve("V2__score.yaml"), RETYPE);
        Cli r = Cli.run(work, "start", "V2__score.yaml", "--url", maria.url(), "--user", maria.user());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("declarative (YAML) migrations need PostgreSQL");
    }
}
