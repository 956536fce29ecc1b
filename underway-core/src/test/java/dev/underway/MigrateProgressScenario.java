package dev.underway;

import dev.underway.migration.MigrateResult;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What migrate tells while it works: the server's progress of a statement that runs long, and a
 * warning (with nothing created) for a directory without migrations. Written once; one subclass
 * per engine.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class MigrateProgressScenario {
    @TempDir
    Path dir;
    TestDatabase db;

    abstract TestDatabase newDatabase();

    /** Makes {@code holder} hold what {@link #longStatement()} must wait for (in an open transaction). */
    abstract void hold(Connection holder) throws SQLException;

    /** Ends what {@link #hold} holds. */
    void release(Connection holder) throws SQLException {
        holder.rollback();
    }

    /** A statement on table t that waits while {@link #hold} holds. */
    abstract String longStatement();

    /** What the server reports about the waiting statement. */
    abstract String expectedProgress();

    /** Whether a schema (PostgreSQL) or database (MariaDB) of that name exists. */
    abstract boolean exists(String schema) throws SQLException;

    @BeforeEach
    void setUp() throws SQLException {
        db = newDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY)");
        }
    }

    Underway.Builder builder() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir);
    }

    @Test
    void aStatementThatRunsLongReportsWhatTheServerSaysAboutIt() throws Exception {
        Files.writeString(dir.resolve("V1__long.sql"), "\n" + longStatement() + ";\n");
        RecordingListener listener = new RecordingListener();
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            hold(holder);
            CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> builder().listener(listener)
                    .lockTimeout(Duration.ofSeconds(60)).build().migrate());
            await().atMost(Duration.ofSeconds(60)).until(() -> !listener.running.isEmpty());
            release(holder);
            assertThat(run.get(60, TimeUnit.SECONDS).applied()).hasSize(1);
        }
        String first = listener.running.get(0);
        assertThat(first).startsWith("V1__long.sql:2 after ").endsWith(": " + expectedProgress());
        long after = Long.parseLong(first.substring("V1__long.sql:2 after ".length(), first.indexOf(':', 20)));
        assertThat(after).as("reported once the statement ran a few seconds").isBetween(2_900L, 30_000L);
    }

    @Test
    void aStatementThatEndsQuicklyReportsNothing() throws Exception {
        Files.writeString(dir.resolve("V1__quick.sql"), longStatement() + ";\n");
        RecordingListener listener = new RecordingListener();
        builder().listener(listener).build().migrate();
        assertThat(listener.running).isEmpty();
    }

    @Test
    void aDirectoryWithoutMigrationsWarnsAndCreatesNothing() throws Exception {
        Files.writeString(dir.resolve("notes.sql"), "SELECT 1;");
        String fresh = db.name() + "_fresh";
        MigrateResult r = builder().schema(fresh).build().migrate();
        assertThat(r.applied()).isEmpty();
        assertThat(r.warnings()).containsExactly("no migrations found in " + dir + " (1 .sql file(s) there are not named"
                + " V<version>__<description>.sql or R__<description>.sql: notes.sql); nothing was applied or created");
        assertThat(exists(fresh)).as("the target schema is not created").isFalse();
    }
}
