package dev.underway.cli;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresConnectionFailureIT extends ConnectionFailureScenario {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }

    @Override
    String scheme() {
        return "jdbc:postgresql:";
    }

    /** The embedded MariaDB runs without grant tables, so credentials are checked on PostgreSQL only. */
    @Test
    void refusedCredentialsSayWhichUserAndWhereToFixThem() {
        TestDatabase role = TestDatabases.withPasswordRole(db, "u_" + db.name(), "Right-pa55");
        Cli c = Cli.run(work, "baseline", "--version", "1", "--url", role.url(), "--user", role.user(), "--password",
                "Wrong-pa55");
        assertThat(c.exitCode()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains("as user " + role.user() + "): the server refused the login of " + role.user()
                        + " (FATAL: password authentication failed")
                .contains("Check --user and --password (or UNDERWAY_USER and UNDERWAY_PASSWORD)")
                .doesNotContain("Wrong-pa55").doesNotContain("Right-pa55");
    }

    /** PgJDBC logs in as the operating-system user when none is given; the message says which. */
    @Test
    void withoutAUserTheOperatingSystemUserIsNamed() {
        String url = withDatabase("no_such_db").replaceFirst("[?&]user=[^&]*", "");
        Cli c = Cli.run(work, "info", "--url", url);
        assertThat(c.exitCode()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains("as the operating-system user " + System.getProperty("user.name")
                + " (no --user given)");
    }
}
