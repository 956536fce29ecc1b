package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar configured only by UNDERWAY_URL, UNDERWAY_USER and UNDERWAY_PASSWORD, as a
 * deployment passes secrets, with a role that must give its password (so a password that does not
 * reach the driver fails the test).
 */
class EnvironmentIT {
    private static final String PASSWORD = "env-Pa55word";

    @TempDir
    Path work;
    TestDatabase db;
    String user;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase trusted = TestDatabases.postgres();
        user = "u_" + trusted.name();
        db = TestDatabases.withPasswordRole(trusted, user, PASSWORD);
        Path dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);\nINSERT INTO a VALUES (42);");
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Path log = work.resolve("run.log");
        Process p = UnderwayProcess.start(work, log, env, args);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("underway finished").isTrue();
        return new Run(p.exitValue(), Files.readString(log));
    }

    private record Run(int exitCode, String output) {
    }

    @Test
    void migratesTheDatabaseTheEnvironmentNames() throws Exception {
        Run r = run(Map.of("UNDERWAY_URL", db.url(), "UNDERWAY_USER", user, "UNDERWAY_PASSWORD", PASSWORD), "migrate");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Applied V1 a").contains("on PostgreSQL").doesNotContain("embedded")
                .doesNotContain(PASSWORD);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_by FROM underway.history WHERE target_schema = 'public' AND version = '1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(user);
        }
        assertThat(work.resolve(".underway")).doesNotExist();
    }

    @Test
    void theEnvironmentsPasswordNeverReachesTheOutput() throws Exception {
        Run wrong = run(Map.of("UNDERWAY_URL", db.url(), "UNDERWAY_USER", user, "UNDERWAY_PASSWORD", "wrong-" + PASSWORD),
                "info");
        assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(2);
        assertThat(wrong.output()).contains("cannot connect to " + db.url()).contains("password authentication failed")
                .doesNotContain(PASSWORD);

        String urlWithSecret = db.url() + (db.url().contains("?") ? "&" : "?") + "password=secret-in-url";
        Run inUrl = run(Map.of("UNDERWAY_URL", urlWithSecret, "UNDERWAY_USER", user, "UNDERWAY_PASSWORD", "wrong-" + PASSWORD),
                "migrate");
        assertThat(inUrl.exitCode()).as(inUrl.output()).isEqualTo(2);
        assertThat(inUrl.output()).contains("password=***").doesNotContain("secret-in-url").doesNotContain(PASSWORD);
    }

    /** trace and rehearse create their scratch database next to UNDERWAY_URL, as every command uses it; not the embedded one. */
    @Test
    void traceAndRehearseUseTheDatabaseOfTheEnvironment() throws Exception {
        TestDatabase admin = TestDatabases.postgres();
        Map<String, String> env = Map.of("UNDERWAY_URL", admin.url(), "UNDERWAY_USER", admin.user());
        Run trace = run(env, "trace", "db/migration");
        assertThat(trace.exitCode()).as(trace.output()).isZero();
        assertThat(trace.output()).contains("Traced 2 statement(s) on PostgreSQL").doesNotContain("embedded");
        Run rehearse = run(env, "rehearse", "--rows", "100", "--clients", "1", "--rate", "20", "--warmup", "200ms",
                "--cooldown", "200ms");
        assertThat(rehearse.exitCode()).as(rehearse.output()).isZero();
        assertThat(rehearse.output()).contains("on the scratch database underway_rehearse_").doesNotContain("embedded");
        assertThat(work.resolve(".underway")).as("the embedded server never started").doesNotExist();
    }
}
