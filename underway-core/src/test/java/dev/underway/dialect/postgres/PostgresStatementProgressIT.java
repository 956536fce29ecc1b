package dev.underway.dialect.postgres;

import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.StatementProgress;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the progress views say on the real server, read the way a long migration statement is watched. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PostgresStatementProgressIT {
    private static long pid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aConcurrentBuildWaitingForAWriterReportsItsPhaseAndLockers() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (Connection writer = db.connect(); Connection builder = db.connect(); Connection watcher = db.connect()) {
            StatementProgress progress = new PostgresStatementProgress(ServerVersion.parse(watcher.getMetaData()
                    .getDatabaseProductVersion()));
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE t (id int)");
                writer.setAutoCommit(false);
                s.execute("INSERT INTO t VALUES (1)");
            }
            long pid = pid(builder);
            assertThat(progress.of(watcher, pid)).as("an idle session runs nothing").isEmpty();
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try (Statement s = builder.createStatement()) {
                    s.execute("CREATE INDEX CONCURRENTLY t_id ON t (id)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            AtomicReference<String> seen = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Optional<String> line = progress.of(watcher, pid);
                line.ifPresent(seen::set);
                return line.filter(l -> l.contains("waiting for writers")).isPresent();
            });
            assertThat(seen.get()).isEqualTo("CREATE INDEX CONCURRENTLY: waiting for writers before build, lockers 0 of 1 (0%)");
            writer.commit();
            build.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSleepingStatementReportsItsStateAndWait() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (Connection sleeper = db.connect(); Connection watcher = db.connect()) {
            StatementProgress progress = new PostgresStatementProgress(ServerVersion.parse(watcher.getMetaData()
                    .getDatabaseProductVersion()));
            long pid = pid(sleeper);
            CompletableFuture<Void> sleep = CompletableFuture.runAsync(() -> {
                try (Statement s = sleeper.createStatement()) {
                    s.execute("SELECT pg_sleep(2)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            AtomicReference<String> seen = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                progress.of(watcher, pid).ifPresent(seen::set);
                return seen.get() != null;
            });
            assertThat(seen.get()).isEqualTo("active, waiting for Timeout (PgSleep)");
            sleep.get(30, TimeUnit.SECONDS);
        }
    }
}
