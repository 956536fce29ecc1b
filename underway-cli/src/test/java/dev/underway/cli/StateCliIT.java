package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the state is, what a limited role is told, and YAML validation, as a user sees them on the command line. */
class StateCliIT {
    @TempDir
    Path work;

    private Path migrations(String... nameAndContent) throws Exception {
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Files.writeString(dir.resolve(nameAndContent[i]), nameAndContent[i + 1]);
        }
        return dir;
    }

    @Test
    void aRoleThatOwnsOnlyItsSchemaGetsExitTwoAndTheFlagsThatWork() throws Exception {
        TestDatabase admin = TestDatabases.postgres();
        String role = admin.name() + "_app";
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            s.execute("CREATE SCHEMA app AUTHORIZATION " + role);
        }
        migrations("V1__a.sql", "CREATE TABLE a (id int);");
        String url = admin.url().replaceFirst("\\?.*$", "");
        Cli refused = Cli.run(work, "migrate", "--url", url, "--user", role, "--schema", "app");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("migrate cannot run as " + role)
                .contains("CREATE on database " + admin.name() + ", to create schema underway")
                .contains("--state-schema app --state-table-prefix underway_")
                .doesNotContain("internal error");

        Cli ok = Cli.run(work, "migrate", "--url", url, "--user", role, "--schema", "app",
                "--state-schema", "app", "--state-table-prefix", "underway_");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
    }

    @Test
    void anEditedAppliedYamlFileFailsValidateWithExitFour() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        String yaml = "operations:\n  - rename_column: {table: users, from: email, to: mail}\n";
        Path dir = migrations("V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);",
                "V2__rename.yaml", yaml);
        Cli migrate = Cli.run(work, "migrate", "--complete", "--url", db.url());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        Files.writeString(dir.resolve("V2__rename.yaml"), yaml.replace("mail", "e_mail"));

        Cli validate = Cli.run(work, "validate", "--url", db.url());
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(4);
        assertThat(validate.err()).contains("V2__rename.yaml (V2) changed after it was completed (checksum ");
        Cli info = Cli.run(work, "info", "--url", db.url());
        assertThat(info.out()).containsPattern("2 +rename +YAML +applied .*file changed since it was completed");

        assertThat(Cli.run(work, "repair", "--url", db.url()).exitCode()).isZero();
        assertThat(Cli.run(work, "validate", "--url", db.url()).exitCode()).isZero();
    }

    @Test
    void aMariaDbHistoryInTheLegacyDatabaseIsUsedAndSaidSoOnStderr() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        migrations("V1__a.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        Path log = work.resolve("legacy.log");
        assertThat(run(log, "migrate", "--url", db.url(), "--user", db.user(), "--state-schema", "underway")).isZero();
        migrations("V2__b.sql", "CREATE TABLE b (id int PRIMARY KEY);");

        assertThat(run(log, "migrate", "--url", db.url(), "--user", db.user())).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log))
                .contains("is in the separate database underway, where earlier versions kept it; Underway keeps using it")
                .contains("CREATE TABLE `" + db.name() + "`.`underway_history` LIKE `underway`.`history`;")
                .contains("silence this warning with --state-schema underway").doesNotContain("stateSchema(")
                .contains("Applied V2")
                .doesNotContain("Applied V1");
    }

    private int run(Path log, String... args) throws Exception {
        Process p = UnderwayProcess.start(work, log, args);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("underway finished").isTrue();
        return p.exitValue();
    }
}
