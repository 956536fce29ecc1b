package dev.underway.backfill;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionSettings;
import dev.underway.config.UnderwayConfig;
import dev.underway.migration.BackfillPlan;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PostgresBackfillIT extends BackfillScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String differs(String a, String b) {
        return a + " IS DISTINCT FROM " + b;
    }

    @Override
    String schema() {
        return "public";
    }

    @Override
    String writingProbe() {
        return "WITH d AS (DELETE FROM y RETURNING 1) SELECT count(*) FROM d";
    }

    @Override
    String slowProbe() {
        return "SELECT 1 FROM pg_sleep(10)";
    }

    @Override
    String stateName(String table) {
        return "public." + table;
    }

    @Override
    void createGeneratedKeyTableWithTrigger() throws SQLException {
        exec("CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " g int GENERATED ALWAYS AS (length(a)) STORED, a text NOT NULL, touched int NOT NULL DEFAULT 0)",
                "CREATE FUNCTION count_touch() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN NEW.touched := OLD.touched + 1; RETURN NEW; END $$",
                "CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION count_touch()");
    }

    /**
     * A replication client the primary lists in pg_stat_replication reports as replayed only the
     * WAL it received 3 s ago: a real replay_lag that holds the backfill (max 1 s) until the
     * standby catches up.
     */
    @Test
    void aStandbyThatLagsHoldsTheBackfillUntilItCatchesUp() throws Exception {
        createItems(3000, 1);
        exec("CREATE TABLE wal_flow (x int)");
        try (LaggingStandby standby = new LaggingStandby(db, Duration.ofSeconds(3))) {
            // WAL keeps flowing, as on a live primary, so the standby's lag is measured all the time.
            Future<?> flow = background.submit(() -> {
                try (Connection c = db.connect(); var s = c.createStatement()) {
                    while (!Thread.currentThread().isInterrupted()) {
                        s.execute("INSERT INTO wal_flow VALUES (1)");
                        Thread.sleep(50);
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> replayLagMillis() >= 2000);
            Future<BackfillResult> run = inBackground(BackfillRequest.builder("t").set("n = 1").batchSize(100)
                    .catchUp(false).maxReplicaLag(Duration.ofSeconds(1)).throttleCheckInterval(Duration.ofMillis(50)));
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.throttles.isEmpty());
            assertThat(events.throttles.get(0)).startsWith("replica lag ").endsWith(" is above --max-replica-lag 1s")
                    .doesNotContain("unknown");
            assertThat(count("SELECT count(*) FROM t WHERE n = 1")).as("no batch while the standby lags").isZero();
            standby.delay(Duration.ZERO);
            assertThat(run.get(60, TimeUnit.SECONDS).rowsChanged()).isEqualTo(3000);
            flow.cancel(true);
        }
    }

    private long replayLagMillis() throws SQLException {
        return count("SELECT coalesce(max((extract(epoch FROM replay_lag) * 1000)::bigint), -1) FROM pg_stat_replication");
    }

    @Test
    void partitionedTablesAreWalkedPartitionByPartitionWithTheirTriggers() throws Exception {
        exec("CREATE TABLE m (region text NOT NULL, id int NOT NULL, a text, b text, touched int NOT NULL DEFAULT 0,"
                        + " PRIMARY KEY (region, id)) PARTITION BY LIST (region)",
                "CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us')",
                "CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu')",
                "CREATE TABLE m_asia PARTITION OF m FOR VALUES IN ('asia')",
                "CREATE FUNCTION count_touch() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN NEW.touched := OLD.touched + 1; RETURN NEW; END $$",
                "CREATE TRIGGER m_touch BEFORE UPDATE ON m FOR EACH ROW EXECUTE FUNCTION count_touch()",
                "INSERT INTO m (region, id, a) SELECT r, i, r || i FROM unnest(ARRAY['us', 'eu', 'asia']) r,"
                        + " generate_series(1, 250) i");
        BackfillPlan plan = underway().backfillPlan(BackfillRequest.builder("m").set("b = upper(a)").build());
        assertThat(plan.targets()).extracting(Object::toString).containsExactly("public.m_asia", "public.m_eu", "public.m_us");
        BackfillResult r = backfill(BackfillRequest.builder("m").set("b = upper(a)").batchSize(100));
        assertThat(events.targets).containsExactly("public.m_asia", "public.m_eu", "public.m_us");
        assertThat(count("SELECT count(*) FROM m WHERE b = upper(a) AND touched = 1")).isEqualTo(750);
        assertThat(r.converged()).isTrue();
        assertThat(count("SELECT count(*) FROM underway.backfills WHERE name = 'public.m' AND target_name = 'public.m_us'"))
                .isEqualTo(1);
    }

    @Test
    void aRuntimeErrorInTheFirstBatchCommitsNothingAndNamesTheBatch() throws Exception {
        createItems(100, 1);
        assertThatThrownBy(() -> backfill(BackfillRequest.builder("t").set("n = 10 / (id - 50)").batchSize(100)))
                .isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.STATEMENT_FAILED))
                .hasMessageContaining("failed in the batch after key (start): ERROR: division by zero [SQLSTATE 22012]")
                .hasMessageContaining("the 0 batches before it (0 rows changed) stay committed");
        assertThat(count("SELECT count(*) FROM t WHERE n <> 0")).isZero();
        assertThat(status()).isEqualTo("failed");
    }

    @Test
    void catchUpPassesReadPageRangesSequentiallyAndFixOnlyDifferingRows() throws Exception {
        createItems(5000, 1);
        CheckedBackfill plan = new Backfill(new UnderwayConfig(new ConnectionSettings(db.url(), db.user(), db.password()),
                null, null, null, null, false, null, false, null)).plan(BackfillRequest.builder("t").set("b = upper(a)").build());
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + plan.statements().differingOnPages(plan.table()))) {
            ps.setString(1, "(0,0)");
            ps.setString(2, "(10,0)");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("Tid Range Scan on t");
            }
        }
        // Rows the sweep cannot see: the application changes a row behind the sweep's position.
        events.beforeCatchUp = () -> {
            exec("UPDATE t SET a = 'late' WHERE id = 7", "INSERT INTO t (id, a) VALUES (0, 'zero')");
            return null;
        };
        BackfillResult r = backfill(BackfillRequest.builder("t").set("b = upper(a)").batchSize(1000));
        assertThat(r.catchUpPasses()).isEqualTo(2);
        assertThat(r.rowsChanged()).isEqualTo(5002);
        assertThat(count("SELECT count(*) FROM t WHERE b IS DISTINCT FROM upper(a)")).isZero();
        assertThat(count("SELECT count(*) FROM t WHERE b IN ('LATE', 'ZERO')")).isEqualTo(2);
    }

    @Test
    void identityAlwaysKeysAreNeverWrittenBySet() throws Exception {
        createGeneratedKeyTableWithTrigger();
        exec("INSERT INTO items (a) SELECT 'r' || i FROM generate_series(1, 300) i");
        backfill(BackfillRequest.builder("items").set("a = a || '!'").batchSize(64));
        assertThat(count("SELECT count(*) FROM items WHERE a LIKE 'r%!' AND touched = 1 AND g = length(a)")).isEqualTo(300);
    }

    @Test
    void replicaLagIsReadFromThePrimaryAndNoStandbyMeansNoWait() throws Exception {
        createItems(200, 1);
        BackfillResult r = backfill(BackfillRequest.builder("t").set("n = 1").maxReplicaLag(Duration.ofSeconds(1)));
        assertThat(r.rowsChanged()).isEqualTo(200);
        assertThat(events.throttles).isEmpty();
    }
}
