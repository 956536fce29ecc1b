package dev.underway.dialect.mysql;

import dev.underway.dialect.StatementProgress;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MariaDB's own progress report of a copying ALTER TABLE, read from the processlist as a migration is watched. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MariaDbStatementProgressIT {
    @Test
    void aCopyingAlterReportsItsStageAndPercentage() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        StatementProgress progress = new MySqlStatementProgress(true);
        try (Connection alter = db.connect(); Connection watcher = db.connect(); Statement s = alter.createStatement()) {
            s.execute("CREATE TABLE big (id int PRIMARY KEY, pad char(200) NOT NULL) ENGINE=InnoDB");
            s.execute("INSERT INTO big SELECT seq, repeat('x', 200) FROM seq_1_to_100000");
            long id;
            try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            // An idle session reports its empty state, once the server has finished sending the last result (its
            // processlist state says "Writing to net" for a moment after the client read it).
            await().atMost(Duration.ofSeconds(10)).until(() -> progress.of(watcher, id).isEmpty());
            List<String> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> copy = CompletableFuture.runAsync(() -> {
                try (Statement st = alter.createStatement()) {
                    st.execute("ALTER TABLE big FORCE, ALGORITHM=COPY");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!copy.isDone()) {
                progress.of(watcher, id).ifPresent(seen::add);
                LockSupport.parkNanos(5_000_000);
            }
            copy.get();
            // MariaDB 11.4 counts 4 stages (10.11: 2); the percentage is of the whole statement.
            assertThat(seen).as("lines seen while it copied").anyMatch(line -> line
                    .matches("stage 1 of \\d \\(copy to tmp table\\), \\d+\\.\\d% done"));
        }
    }

    @Test
    void aStatementWaitingForAMetadataLockReportsTheWait() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        StatementProgress progress = new MySqlStatementProgress(true);
        try (Connection holder = db.connect(); Connection alter = db.connect(); Connection watcher = db.connect();
             Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE t (id int) ENGINE=InnoDB");
            holder.setAutoCommit(false);
            s.execute("SELECT * FROM t");
            long id;
            try (Statement a = alter.createStatement(); ResultSet rs = a.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try (Statement st = alter.createStatement()) {
                    st.execute("ALTER TABLE t ADD COLUMN c int");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> progress.of(watcher, id)
                    .filter(l -> l.contains("Waiting for table metadata lock")).isPresent());
            holder.commit();
            waiting.get(30, TimeUnit.SECONDS);
        }
    }
}
