package dev.underway.backfill;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MariaDbBackfillIT extends BackfillScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.mariadb();
    }

    @Override
    String differs(String a, String b) {
        return "NOT (" + a + " <=> " + b + ")";
    }

    @Override
    String schema() {
        return db.name();
    }

    /** MariaDB has no data-modifying CTEs, but DELETE ... RETURNING returns rows to executeQuery. */
    @Override
    String writingProbe() {
        return "DELETE FROM y RETURNING id";
    }

    @Override
    String slowProbe() {
        return "SELECT SLEEP(10)";
    }

    @Override
    String stateName(String table) {
        return db.name() + "." + table;
    }

    @Override
    void createGeneratedKeyTableWithTrigger() throws SQLException {
        exec("CREATE TABLE items (id int AUTO_INCREMENT PRIMARY KEY, g int GENERATED ALWAYS AS (length(a)) STORED,"
                        + " a varchar(20) NOT NULL, touched int NOT NULL DEFAULT 0)",
                "CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW SET NEW.touched = OLD.touched + 1");
    }

    @Test
    void bigintKeysAbove2To53AreComparedExactly() throws Exception {
        exec("CREATE TABLE t (id bigint PRIMARY KEY, n int NOT NULL DEFAULT 0)",
                "INSERT INTO t (id) VALUES (9007199254740993), (9007199254740994), (9007199254740995),"
                        + " (9007199254740996), (9007199254740997)");
        backfill(BackfillRequest.builder("t").set("n = n + 1").batchSize(1).catchUp(false));
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isEqualTo(5);
    }

    @Test
    void replicaLagNeedsTheReplicasToAsk() throws Exception {
        createItems(10, 1);
        assertThatThrownBy(() -> backfill(BackfillRequest.builder("t").set("n = 1").maxReplicaLag(Duration.ofSeconds(1))))
                .isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BAD_OPTION))
                .hasMessageContaining("needs BackfillRequest.Builder.replicaUrl(String)");
    }

    @Test
    void aServerThatIsNoReplicaIsRefusedAsReplicaUrl() throws Exception {
        createItems(50, 1);
        assertThatThrownBy(() -> backfill(BackfillRequest.builder("t").set("n = 1").maxReplicaLag(Duration.ofSeconds(1))
                .replicaUrl(db.url())))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BAD_OPTION))
                .hasMessageContaining("is not a replica: SHOW REPLICA STATUS returns no row");
        assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isZero();
        // Nothing was recorded: the corrected command runs without --resume or --restart.
        assertThat(backfill(BackfillRequest.builder("t").set("n = 1")).rowsChanged()).isEqualTo(50);
    }

    /**
     * The server made a replica, through a named (multi-source) connection, whose replication is
     * not running (a source that is never started): its SHOW ALL REPLICAS STATUS row has
     * Seconds_Behind_Master NULL, which holds the backfill until the replica is clear (here: the
     * connection removed again). SHOW REPLICA STATUS alone would not list a named connection.
     */
    @Test
    void aStoppedReplicaHoldsTheBackfillUntilItIsClear() throws Exception {
        createItems(50, 1);
        exec("CHANGE MASTER 'uw_test' TO MASTER_HOST = '127.0.0.1', MASTER_PORT = 1, MASTER_USER = 'nobody'");
        boolean cleared = false;
        try {
            Future<BackfillResult> run = inBackground(BackfillRequest.builder("t").set("n = 1").catchUp(false)
                    .maxReplicaLag(Duration.ofSeconds(1)).replicaUrl(db.url()).throttleCheckInterval(Duration.ofMillis(50)));
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.throttles.isEmpty());
            assertThat(events.throttles.get(0)).isEqualTo("replica lag unknown (replication stopped) is above"
                    + " --max-replica-lag 1s");
            assertThat(count("SELECT count(*) FROM t WHERE n = 1")).isZero();
            exec("RESET SLAVE 'uw_test' ALL");
            cleared = true;
            assertThat(run.get(60, TimeUnit.SECONDS).rowsChanged()).isEqualTo(50);
        } finally {
            if (!cleared) {
                exec("RESET SLAVE 'uw_test' ALL");
            }
        }
    }
}
