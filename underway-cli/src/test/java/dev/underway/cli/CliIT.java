package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's contract: outputs, formats and exit codes. */
class CliIT {
    @TempDir
    Path work;
    Path dir;
    TestDatabase db;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createDirectories(work.resolve("db/migration"));
        db = TestDatabases.postgres();
    }

    private Cli run(String... args) {
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--url";
        full[args.length + 1] = db.url();
        full[args.length + 2] = "--user";
        full[args.length + 3] = db.user();
        return Cli.run(work, full);
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    @Test
    void migrateThenInfoAsJson() throws Exception {
        write("V1__create_users.sql", "CREATE TABLE users (id int);");
        write("V2__more.sql", "CREATE TABLE more (id int);");
        Cli migrate = run("migrate");
        assertThat(migrate.exitCode()).isZero();
        assertThat(migrate.out()).contains("Applied V1 create users (V1__create_users.sql): 1 statement in")
                .contains("it is now at version 2");

        write("V3__later.sql", "CREATE TABLE later (id int);");
        Cli info = run("info", "--format", "json");
        assertThat(info.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(info.out());
        assertThat(json.get("current_version").asText()).isEqualTo("2");
        JsonNode ms = json.get("migrations");
        assertThat(ms).hasSize(3);
        JsonNode first = ms.get(0);
        assertThat(first.get("version").asText()).isEqualTo("1");
        assertThat(first.get("description").asText()).isEqualTo("create users");
        assertThat(first.get("type").asText()).isEqualTo("SQL");
        assertThat(first.get("script").asText()).isEqualTo("V1__create_users.sql");
        assertThat(first.get("state").asText()).isEqualTo("applied");
        assertThat(first.get("checksum").isInt()).isTrue();
        assertThat(first.get("installed_on").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(first.get("execution_ms").isNumber()).isTrue();
        assertThat(ms.get(2).get("state").asText()).isEqualTo("pending");
        assertThat(ms.get(2).get("installed_on").isNull()).isTrue();
    }

    @Test
    void dryRunPrintsStatementsAndAppliesNothing() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);");
        Cli dry = run("migrate", "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("1 pending migration(s). Nothing is applied.")
                .contains("-- line 1\nCREATE TABLE a (id int);")
                .contains("-- line 3\nINSERT INTO a VALUES (1);");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'a'")).isZero();
    }

    @Test
    void exitCodesFollowTheDocumentedTable() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        assertThat(run("migrate").exitCode()).isZero();

        write("V2__b.sql", "SELECT * FROM no_such_table;");
        Cli failed = run("migrate");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("error: V2__b.sql:1: ERROR: relation \"no_such_table\" does not exist");
        Files.delete(dir.resolve("V2__b.sql"));

        assertThat(Cli.run(work, "migrate", "--no-such-flag").exitCode()).isEqualTo(2);
        write("V3_bad_name.sql", "SELECT 1;");
        Cli usage = run("migrate");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("V3_bad_name.sql: not a valid migration name");
        Files.delete(dir.resolve("V3_bad_name.sql"));
        write("U1__a.sql", "DROP TABLE a;");
        Cli undo = run("migrate");
        assertThat(undo.exitCode()).isEqualTo(2);
        assertThat(undo.err()).contains("U1__a.sql: a Flyway undo migration; Underway does not run undo or baseline scripts");
        Files.delete(dir.resolve("U1__a.sql"));

        write("V1__a.sql", "CREATE TABLE a (id bigint);");
        Cli invalid = run("validate");
        assertThat(invalid.exitCode()).isEqualTo(4);
        assertThat(invalid.err()).contains("V1__a.sql (V1) changed after it was applied");
        assertThat(run("migrate").exitCode()).isEqualTo(4);
        assertThat(run("repair").out()).contains("Accepted the current checksum of: V1 (V1__a.sql)");
        assertThat(run("validate").exitCode()).isZero();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void lockTimeoutExitsWith3() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            // Take the migration lock as another underway process would: the key is the first
            // 8 bytes of the SHA-256 of the lock name.
            s.executeQuery("SELECT pg_advisory_lock(('x' || substr(encode(sha256(convert_to("
                    + "'underway:underway.history:public', 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint)").close();
            Cli waited = run("migrate", "--lock-wait", "500ms");
            assertThat(waited.exitCode()).isEqualTo(3);
            assertThat(waited.err()).contains("could not get the migration lock").contains("another session (pid ");
        }
        assertThat(run("migrate").exitCode()).isZero();
    }

    @Test
    void passwordsNeverReachTheOutput() throws Exception {
        Cli bad = Cli.run(work, "info", "--url", "jdbc:postgresql://127.0.0.1:1/nope?password=hunter2", "--password", "hunter3");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/nope?password=***")
                .doesNotContain("hunter2").doesNotContain("hunter3");
        // Drivers put the URL (user info included) into their own messages; none of it may pass.
        for (String url : new String[] {"jdbc:mysql://a:hunter2@127.0.0.1:1/x", "jdbc:mariadb://a:hunter2@127.0.0.1:1/x",
                "jdbc:mariadb://127.0.0.1:1/x?user=a&password=hunter2", "jdbc:postgresql://127.0.0.1:1/x?password=hunter2"}) {
            for (String command : new String[] {"info", "lint"}) {
                Cli c = command.equals("lint")
                        ? Cli.run(work, command, "--url", url, "--password", "hunter3", work.toString())
                        : Cli.run(work, command, "--url", url, "--password", "hunter3");
                assertThat(c.exitCode()).as(command + " " + url).isEqualTo(2);
                assertThat(c.err()).as(command + " " + url).contains("cannot connect to").doesNotContain("hunter2")
                        .doesNotContain("hunter3");
            }
        }
    }

    @Test
    void baselineFromVersionViaCli() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V2__b.sql", "CREATE TABLE b (id int);");
        assertThat(run("baseline", "--version", "1").exitCode()).isZero();
        Cli m = run("migrate");
        assertThat(m.out()).doesNotContain("Applied V1").contains("Applied V2");
        assertThat(run("baseline").exitCode()).isEqualTo(2);
    }

    @Test
    void baselineFromFlywayViaCli() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V2__b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).table("legacy_history")
                .locations("filesystem:" + dir).load().migrate();

        Cli imported = run("baseline", "--from-flyway", "--flyway-table", "legacy_history");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 2 row(s) from legacy_history into Underway's history of schema public");
        assertThat(run("validate").exitCode()).isZero();

        write("V3__c.sql", "INSERT INTO b VALUES (2);");
        Cli m = run("migrate");
        assertThat(m.exitCode()).as(m.err()).isZero();
        assertThat(m.out()).doesNotContain("Applied V1").doesNotContain("Applied V2").contains("Applied V3");
        assertThat(db.count("SELECT count(*) FROM b")).isEqualTo(2);
        Cli again = run("baseline", "--from-flyway", "--flyway-table", "legacy_history");
        assertThat(again.exitCode()).as("refused once the history has rows").isEqualTo(4);
        assertThat(again.err()).contains("its history in underway.history already has 3 row(s)");
    }
}
