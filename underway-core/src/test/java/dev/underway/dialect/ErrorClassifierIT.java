package dev.underway.dialect;

import dev.underway.migration.ErrorKind;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Pins down which errors the real servers raise for the conditions Underway retries on. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ErrorClassifierIT {

    private static SQLException failing(Connection c, String sql) {
        return catchThrowableOfType(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    @Test
    void postgresLockAndStatementTimeouts() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        ErrorClassifier errors = new ErrorClassifier(DatabaseKind.POSTGRESQL);
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            try (Statement s = holder.createStatement()) {
                s.execute("CREATE TABLE t (id int)");
                s.execute("BEGIN");
                s.execute("LOCK TABLE t IN ACCESS SHARE MODE");
            }
            try (Statement s = waiter.createStatement()) {
                s.execute("SET lock_timeout = '100ms'");
            }
            SQLException lock = failing(waiter, "ALTER TABLE t ADD COLUMN c int");
            assertThat(lock.getSQLState()).isEqualTo("55P03");
            assertThat(errors.classify(lock)).isEqualTo(ErrorKind.LOCK_TIMEOUT);

            try (Statement s = waiter.createStatement()) {
                s.execute("SET statement_timeout = '100ms'");
            }
            SQLException slow = failing(waiter, "SELECT pg_sleep(5)");
            assertThat(errors.classify(slow)).isEqualTo(ErrorKind.STATEMENT_TIMEOUT);
        }
    }

    @Test
    void mariadbMetadataLockAndStatementTimeouts() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        ErrorClassifier errors = new ErrorClassifier(DatabaseKind.MARIADB);
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            try (Statement s = holder.createStatement()) {
                s.execute("CREATE TABLE t (id int) ENGINE=InnoDB");
                s.execute("START TRANSACTION");
                s.execute("SELECT * FROM t");
            }
            try (Statement s = waiter.createStatement()) {
                s.execute("SET SESSION lock_wait_timeout = 1");
            }
            SQLException mdl = failing(waiter, "ALTER TABLE t ADD COLUMN c int");
            assertThat(mdl.getErrorCode()).isEqualTo(1205);
            assertThat(errors.classify(mdl)).isEqualTo(ErrorKind.LOCK_TIMEOUT);

            try (Statement s = waiter.createStatement()) {
                s.execute("SET SESSION max_statement_time = 0.1");
            }
            // SLEEP() is merely interrupted by max_statement_time (it returns 1), and the sequence engine
            // answers count/sum without scanning; a real join is cancelled with error 1969.
            SQLException slow = failing(waiter, "SELECT sum(a.seq) FROM seq_1_to_30000 a, seq_1_to_10000 b");
            assertThat((Object) slow).isNotNull();
            assertThat(errors.classify(slow)).as("code %d", slow.getErrorCode()).isEqualTo(ErrorKind.STATEMENT_TIMEOUT);
        }
    }
}
