package dev.underway.dialect;

import dev.underway.migration.ErrorKind;
import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pins down what cancelling a connection's statement does on the real servers: the statement
 * that runs stops with an error the classifier calls CANCELED, its transaction's locks go with
 * the rollback, and a connection that runs nothing is not affected (its next statement runs).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class StatementCancelScenario {
    TestDatabase db;
    DatabaseKind kind;

    abstract TestDatabase newDatabase();

    /** A statement that sleeps 30 s inside a change of row 1 of {@code live}, so it holds that row's lock. */
    abstract String slowUpdate();

    /** Counts sessions that run {@code slowUpdate()} right now. */
    abstract String runningSlowUpdates();

    @BeforeEach
    void setUp() throws SQLException {
        db = newDatabase();
        kind = DatabaseKind.fromUrl(db.url());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE live (id int PRIMARY KEY, n int)");
            s.execute("INSERT INTO live VALUES (1, 0)");
        }
    }

    long count(Connection c, String sql) throws SQLException {
        return Sql.count(c, sql);
    }

    @Test
    void aRunningStatementStopsAsCancelledAndItsRowLockGoesWithTheRollback() throws Exception {
        try (Connection migration = db.connect(); Connection app = db.connect(); Connection watcher = db.connect()) {
            migration.setAutoCommit(false);
            CompletableFuture<SQLException> run = CompletableFuture.supplyAsync(() -> {
                try (Statement s = migration.createStatement()) {
                    s.execute(slowUpdate());
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> count(watcher, runningSlowUpdates()) == 1);
            long start = System.nanoTime();
            kind.statementCancel().cancel(migration);
            SQLException error = run.get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat((Object) error).as("the cancelled statement fails").isNotNull();
            assertThat(new ErrorClassifier(kind).classify(error)).as(error.getMessage()).isEqualTo(ErrorKind.CANCELED);
            migration.rollback();
            long appStart = System.nanoTime();
            try (Statement s = app.createStatement()) {
                assertThat(s.executeUpdate("UPDATE live SET n = 5 WHERE id = 1")).isEqualTo(1);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - appStart)).isLessThan(Duration.ofSeconds(2));
            assertThat(count(migration, "SELECT 1")).as("the connection stays usable").isEqualTo(1);
        }
    }

    @Test
    void aConnectionThatRunsNothingIsNotAffected() throws Exception {
        try (Connection idle = db.connect()) {
            kind.statementCancel().cancel(idle);
            assertThat(count(idle, "SELECT 1")).isEqualTo(1);
            idle.setAutoCommit(false);
            kind.statementCancel().cancel(idle);
            try (Statement s = idle.createStatement()) {
                assertThat(s.executeUpdate("UPDATE live SET n = 2 WHERE id = 1")).isEqualTo(1);
            }
            idle.commit();
            assertThat(count(idle, "SELECT n FROM live WHERE id = 1")).isEqualTo(2);
        }
    }
}
