package dev.underway.rehearse;

import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.MigrationVersion;
import dev.underway.report.RehearsalFailed;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import dev.underway.report.Stall;
import dev.underway.report.StepReport;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small rehearsal on the embedded PostgreSQL: the schema is built, the table filled, the load sees each statement. */
class PostgresRehearsalIT {
    @TempDir
    Path dir;

    private final TestDatabase db = TestDatabases.postgres();
    private final List<String> progress = new ArrayList<>();

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    private RehearsalReport rehearse(RehearsalRequest.Builder request) {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).build()
                .rehearse(request.build(), progress::add);
    }

    private RehearsalRequest.Builder request() {
        return RehearsalRequest.builder(dir).defaultRows(3000).clients(3).ratePerSecond(150)
                .warmup(Duration.ofMillis(800)).cooldown(Duration.ofMillis(800)).window(Duration.ofMillis(500));
    }

    @Test
    void aDeliberatelyBlockingStatementShowsUpAsAStallAndRewritesAreTold() throws Exception {
        write("V1__users.sql", "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, score int,"
                + " created_at timestamptz NOT NULL DEFAULT now());");
        write("V2__note.sql", "ALTER TABLE users ADD COLUMN note text;\nALTER TABLE users ALTER COLUMN score TYPE bigint;");
        write("V3__block.sql", "LOCK TABLE users IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(1.5);");

        RehearsalReport r = rehearse(request().from(MigrationVersion.parse("2")));

        assertThat(r.setup()).containsExactly("V1");
        assertThat(r.rehearsed()).containsExactly("V2", "V3");
        assertThat(r.filled()).singleElement().satisfies(f -> {
            assertThat(f.table().name()).isEqualTo("users");
            assertThat(f.rows()).isEqualTo(3000);
        });
        assertThat(db.count("SELECT count(*) FROM users")).isGreaterThanOrEqualTo(3000);
        assertThat(r.statements()).extracting(StepReport::file, StepReport::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("V2__note.sql", 1), org.assertj.core.groups.Tuple.tuple("V2__note.sql", 2),
                org.assertj.core.groups.Tuple.tuple("V3__block.sql", 1), org.assertj.core.groups.Tuple.tuple("V3__block.sql", 2));

        StepReport addColumn = r.statements().get(0);
        StepReport retype = r.statements().get(1);
        StepReport lock = r.statements().get(2);
        StepReport sleep = r.statements().get(3);
        assertThat(addColumn.lockMode()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(addColumn.lockSource()).isEqualTo("observed");
        assertThat(addColumn.rewrite()).isFalse();
        assertThat(retype.rewrite()).isTrue();
        assertThat(retype.rewritten()).containsExactly("users");
        assertThat(retype.rebuiltIndexes()).contains("users_pkey");
        assertThat(retype.lint()).contains("PG111");
        assertThat(lock.lockMode()).isEqualTo("ACCESS EXCLUSIVE");
        // The sleep runs in the same transaction: it holds the lock the statement before it took.
        assertThat(sleep.lockMode()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(sleep.durationMs()).isGreaterThanOrEqualTo(1500);

        RehearsalReport.LoadSummary load = r.load();
        assertThat(load.tables()).containsExactly("users");
        assertThat(load.baseline().queries()).isPositive();
        assertThat(load.baseline().errors()).isZero();
        assertThat(load.overall().errors()).isZero();
        // Every client waits on users while the sleep holds its lock: a stall of most of its 1.5 s, over the sleep.
        assertThat(load.longestStall().durationMs()).isGreaterThanOrEqualTo(1200);
        assertThat(sleep.stall().durationMs()).isEqualTo(load.longestStall().durationMs());
        assertThat(sleep.stallScope()).isEqualTo("statement");
        // Issue 20: the 1 ms LOCK before it showed the same stall, though the sleep is what held the lock that long.
        assertThat(lock.stall().durationMs()).isLessThan(1200);
        assertThat(load.longestStall().startMs()).isBetween(lock.startMs(), sleep.endMs());
        assertThat(sleep.during().maxMs()).isGreaterThanOrEqualTo(1200);
        assertThat(addColumn.stall().durationMs()).isLessThan(1200);
        assertThat(sleep.after().queries()).isPositive();
        assertThat(r.timeline()).isNotEmpty();
        assertThat(r.timeline().stream().mapToLong(t -> t.queries()).sum()).isEqualTo(load.overall().queries());
        assertThat(r.error()).isNull();
    }

    @Test
    void aStallSpreadOverATransactionIsShownOnceOnTheStatementThatTookTheLock() throws Exception {
        write("V1__users.sql", "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);");
        write("V2__block.sql", "ALTER TABLE users ADD COLUMN note text;\nSELECT pg_sleep(0.5);\nSELECT pg_sleep(0.5);\n"
                + "SELECT pg_sleep(0.5);");

        RehearsalReport r = rehearse(request().from(MigrationVersion.parse("2")));

        StepReport alter = r.statements().get(0);
        Stall longest = r.load().longestStall();
        assertThat(longest.durationMs()).isGreaterThanOrEqualTo(1200);
        assertThat(alter.stall()).isEqualTo(longest);
        assertThat(alter.stallScope()).isEqualTo("transaction");
        assertThat(r.statements().subList(1, 4)).allSatisfy(s -> assertThat(s.stall().durationMs()).isLessThan(1200));
    }

    @Test
    void withoutFromTheNewestMigrationIsRehearsedAndAFailureComesWithTheReportSoFar() throws Exception {
        write("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int NOT NULL);");
        write("V2__bad.sql", "ALTER TABLE t ADD COLUMN w int;\nALTER TABLE t ADD CONSTRAINT w_pos CHECK (v < 0);");

        assertThatThrownBy(() -> rehearse(request().defaultRows(500))).isInstanceOfSatisfying(RehearsalFailed.class,
                e -> {
                    RehearsalReport r = e.report();
                    assertThat(r.setup()).containsExactly("V1");
                    assertThat(r.rehearsed()).containsExactly("V2");
                    assertThat(r.error()).contains("w_pos");
                    assertThat(r.statements()).extracting(StepReport::line).containsExactly(1, 2);
                    assertThat(r.statements().get(1).error()).contains("23514");
                    assertThat(r.load().overall().queries()).isPositive();
                });
    }

    @Test
    void aDatabaseWithHistoryRehearsesItsPendingMigrationsAndRefusesFrom() throws Exception {
        write("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int);");
        dev.underway.Underway.builder().url(db.url()).user(db.user()).directory(dir).build().migrate();
        db.exec("INSERT INTO t SELECT g, g FROM generate_series(1, 200) g");
        write("V2__idx.sql", "-- underway:no-transaction\nCREATE INDEX CONCURRENTLY t_v ON t (v);");

        RehearsalReport r = rehearse(request().defaultRows(0));
        assertThat(r.setup()).isEmpty();
        assertThat(r.rehearsed()).containsExactly("V2");
        assertThat(r.filled()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM t")).isGreaterThanOrEqualTo(200);
        StepReport build = r.statements().get(0);
        assertThat(build.rewrite()).isFalse();
        assertThat(build.rewritten()).isEmpty();
        assertThat(build.during().errors()).isZero();

        write("V3__more.sql", "ALTER TABLE t ADD COLUMN w int;");
        assertThatThrownBy(() -> rehearse(request().from(MigrationVersion.parse("3"))))
                .hasMessageContaining("RehearsalRequest.Builder.from(MigrationVersion) is for an empty database")
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BAD_OPTION));
    }

    @Test
    void repeatableMigrationsRunAfterTheRehearsedOnesNotWhileTheSchemaIsBuilt() throws Exception {
        write("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int);");
        write("V2__w.sql", "ALTER TABLE t ADD COLUMN w int;");
        write("R__t_view.sql", "CREATE OR REPLACE VIEW t_view AS SELECT id, w FROM t;");

        RehearsalReport r = rehearse(request().defaultRows(100));
        assertThat(r.setup()).containsExactly("V1");
        assertThat(r.statements()).extracting(StepReport::file).containsExactly("V2__w.sql", "R__t_view.sql");
        assertThat(r.error()).isNull();
        assertThat(db.count("SELECT count(*) FROM t_view")).isGreaterThanOrEqualTo(100);
    }
}
