package dev.underway.observe;

import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.Blocker;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.SqlStatement;
import dev.underway.sql.StatementSplitter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines users read while a migration waits: who blocks, how long, what happens next. */
class RetryAttemptTest {
    private static final SqlStatement ALTER = new StatementSplitter(PostgresDialect.SYNTAX)
            .split("SELECT 1;\nALTER TABLE t ADD COLUMN c int;", "V2__c.sql").statements().get(1);
    private static final Blocker IDLE = new Blocker(4711, "pid 4711", "app", "application 'billing' from 10.0.0.7/32",
            "idle in transaction", true, Duration.ofSeconds(842), Duration.ofSeconds(840),
            "SELECT *\n  FROM t WHERE id = $1", "2026-01-01 10:00:00+00", true);

    @Test
    void aRetryNamesTheBlockerAndTheNextAttempt() {
        RetryAttempt a = new RetryAttempt("V2__c.sql", ALTER, 3, ErrorKind.LOCK_TIMEOUT, Duration.ofMillis(2004),
                List.of(IDLE), Duration.ofMillis(6900), Duration.ofMinutes(10), Duration.ofMillis(640));
        assertThat(a.describe()).isEqualTo("V2__c.sql:2 'ALTER TABLE t ADD COLUMN c int' waited 2s for a lock and gave"
                + " up waiting (attempt 3, 6.9s of 10m spent); blocked by pid 4711 (user app, application 'billing' from"
                + " 10.0.0.7/32, idle in transaction, transaction open for 14m2s, last query started 14m ago: SELECT *"
                + " FROM t WHERE id = $1); next attempt in 640ms");
        assertThat(a.givingUp()).isFalse();
    }

    @Test
    void aRetrySaysHowLongTheNextAttemptMayWait() {
        RetryAttempt a = new RetryAttempt("V2__c.sql", ALTER, 2, ErrorKind.LOCK_TIMEOUT, Duration.ofMillis(400),
                List.of(), Duration.ofMillis(2700), Duration.ofMinutes(10), Duration.ofMillis(9400), Duration.ofMillis(800));
        assertThat(a.describe()).endsWith("; no blocker seen; next attempt in 9.4s, waiting up to 800ms");
    }

    @Test
    void theLastAttemptSaysItGivesUpAndUncertainBlockersSaySo() {
        Blocker maybe = new Blocker(12, "connection 12", "app", null, "Sleep with an open transaction", true,
                Duration.ofSeconds(3), Duration.ofSeconds(3), null, "2026-01-01 10:00:00", false);
        RetryAttempt a = new RetryAttempt("V2__c.sql", ALTER, 5, ErrorKind.LOCK_TIMEOUT, Duration.ofSeconds(1),
                List.of(maybe), Duration.ofSeconds(12), Duration.ofSeconds(10), null);
        assertThat(a.describe()).endsWith("(attempt 5, 12s of 10s spent); blocked by connection 12 (user app, Sleep with"
                + " an open transaction, transaction open for 3s, last query started 3s ago; possibly blocking); giving up");
        assertThat(a.givingUp()).isTrue();
    }

    @Test
    void otherTransientFailuresSayWhatHappened() {
        RetryAttempt a = new RetryAttempt("V2__c.sql", ALTER, 1, ErrorKind.DEADLOCK, Duration.ofSeconds(1), List.of(),
                Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofMillis(150));
        assertThat(a.describe()).isEqualTo("V2__c.sql:2 'ALTER TABLE t ADD COLUMN c int' was chosen as a deadlock victim"
                + " (attempt 1, 1s of 10m spent); next attempt in 150ms");
    }
}
