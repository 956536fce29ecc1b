package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of {@code underway migrate} sees when a table is in use by another session:
 * retry messages naming the blocker, exit code 3 when the retry budget is spent, ended idle
 * blockers. Written once; run per engine by {@code PostgresOnlineCliIT} and {@code MariaDbOnlineCliIT}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class OnlineCliScenario {
    @TempDir
    Path work;
    TestDatabase db;

    abstract TestDatabase newDatabase();

    /** The shortest lock timeout the engine honours (MySQL/MariaDB count whole seconds). */
    abstract String lockTimeout();

    abstract String blockerSessionId(long id);

    abstract String idleState();

    @BeforeEach
    void setUp() throws Exception {
        db = newDatabase();
        Files.createDirectories(work.resolve("db/migration"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        write("V1__add_column.sql", "ALTER TABLE t ADD COLUMN c int;");
    }

    void write(String name, String sql) throws IOException {
        Files.writeString(work.resolve("db/migration").resolve(name), sql);
    }

    Cli migrate(String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", "--url", db.url(), "--user", db.user()));
        args.addAll(List.of(options));
        return Cli.run(work, args.toArray(String[]::new));
    }

    /** An open transaction that has read t; returns the session's server id. */
    static long holdOpenTransactionOnT(Connection c, boolean postgres) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT * FROM t").close();
            try (ResultSet rs = s.executeQuery(postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aBlockedMigrationReportsEachRetryAndExitsWith3NamingTheBlocker() throws Exception {
        try (Connection blocker = db.connect()) {
            long id = holdOpenTransactionOnT(blocker, db.isPostgres());
            // Room for two attempts: the first waits 200 ms (MySQL/MariaDB: 1 s) and pauses nine times as long.
            Cli blocked = migrate("--lock-timeout", lockTimeout(), "--lock-retry-for", db.isPostgres() ? "3s" : "13s");
            assertThat(blocked.exitCode()).as(blocked.err()).isEqualTo(3);
            assertThat(blocked.err())
                    .contains("V1__add_column.sql:1 'ALTER TABLE t ADD COLUMN c int' waited ")
                    .contains(" for a lock and gave up waiting (attempt 1, ")
                    .contains("; blocked by " + blockerSessionId(id) + " (user ")
                    .contains("; next attempt in ")
                    .contains("; giving up")
                    .contains("error: V1__add_column.sql:1: gave up on 'ALTER TABLE t ADD COLUMN c int' after ")
                    .contains("Blocked at the last attempt by " + blockerSessionId(id))
                    .contains(idleState() + ", transaction open for ")
                    .contains("last query started ")
                    .containsAnyOf("0 of 1 statements of V1 are applied and recorded. Run migrate again: it resumes at"
                            + " statement 1.", "V1 was rolled back: none of its statements were applied.");
            assertThat(blocked.out()).doesNotContain("Applied");
        }
        Cli free = migrate();
        assertThat(free.exitCode()).as(free.err()).isZero();
        assertThat(free.out()).contains("Applied V1 add column");
    }

    @Test
    void killBlockersAfterEndsAnIdleBlockerAndSaysSo() throws Exception {
        try (Connection blocker = db.connect()) {
            long id = holdOpenTransactionOnT(blocker, db.isPostgres());
            Cli run = migrate("--lock-timeout", lockTimeout(), "--kill-blockers-after", "0s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("Cancelled the query of " + blockerSessionId(id) + " (user ")
                    .contains("Terminated " + blockerSessionId(id) + " (user ")
                    .contains(": it blocked V1__add_column.sql while idle in a transaction")
                    .contains("Applied V1 add column");
            JsonNode applied = new ObjectMapper().readTree(run.out()).get("applied").get(0);
            assertThat(applied.get("retries").asInt()).as("one attempt to cancel, one to terminate").isGreaterThanOrEqualTo(2);
            assertThat(applied.get("lock_wait_ms").asLong()).isPositive();
        }
    }
}
