package dev.underway.load;

import dev.underway.report.QueryKind;
import dev.underway.report.QueryMix;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PostgresLoadIT extends LoadScenario {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String schema() {
        return "public";
    }

    @Override
    void countUpdates() throws SQLException {
        exec("CREATE FUNCTION count_update() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN UPDATE updates SET n = n + 1; RETURN NEW; END $$",
                "CREATE TRIGGER t_count AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION count_update()");
    }

    @Override
    void failUpdates() throws SQLException {
        exec("CREATE FUNCTION fail_update() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'no updates here' USING ERRCODE = '22012'; END $$",
                "CREATE TRIGGER t_fail BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION fail_update()");
    }

    @Override
    Connection lockTable() throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
        }
        return c;
    }

    @Override
    int waitingForLock() throws SQLException {
        return (int) count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }

    @Test
    void latencyPercentilesPerKindSeeWhatTheServerSpent() throws SQLException {
        exec("CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN PERFORM pg_sleep(0.03); RETURN NEW; END $$",
                "CREATE TRIGGER t_slow BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION slow_insert()");
        LoadRecording r = runUntil(spec(2, 0, new QueryMix(80, 20, 0)), 400);

        // Every insert sleeps 30 ms in the server, so even the fastest is that slow.
        assertThat(r.of(QueryKind.INSERT).p50Ms()).isGreaterThanOrEqualTo(30.0);
        assertThat(r.of(QueryKind.INSERT).maxMs()).isGreaterThanOrEqualTo(30.0);
        assertThat(r.of(QueryKind.UPDATE).queries()).isZero();
    }

    @Test
    void aLostConnectionIsOneErrorAndTheClientGoesOn() throws SQLException {
        LoadRecording r;
        try (LoadGenerator load = LoadGenerator.start(spec(1, 200, QueryMix.DEFAULT))) {
            await().until(() -> load.queries() >= 20);
            exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
            long after = load.queries();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.queries() >= after + 50);
            r = load.stop();
        }
        assertThat(r.overall().errors()).isBetween(1L, 2L);
        assertThat(r.overall().errorsByState().keySet()).allMatch(s -> s.startsWith("08") || s.equals("57P01"));
    }

    @Test
    void movingToAnotherSchemaSendsTheQueriesThere() throws SQLException {
        exec("CREATE SCHEMA v2", "CREATE TABLE v2.other (id bigint PRIMARY KEY, a varchar(40) NOT NULL, b int)",
                "CREATE VIEW v2.t AS SELECT * FROM v2.other");
        long before;
        try (LoadGenerator load = LoadGenerator.start(spec(2, 0, new QueryMix(0, 100, 0)))) {
            await().until(() -> load.queries() >= 50);
            assertThat(load.useSchema("v2", Duration.ofSeconds(10))).isTrue();
            before = count("SELECT count(*) FROM t");
            long switched = load.queries();
            await().until(() -> load.queries() >= switched + 50);
            load.stop();
        }
        assertThat(count("SELECT count(*) FROM v2.other")).isGreaterThanOrEqualTo(50);
        assertThat(count("SELECT count(*) FROM t")).as("no insert reached the old table after the switch").isEqualTo(before);
    }
}
