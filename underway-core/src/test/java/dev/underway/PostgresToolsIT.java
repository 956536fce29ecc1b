package dev.underway;

import dev.underway.observe.LoadListener;
import dev.underway.report.LatencyStats;
import dev.underway.report.LintReport;
import dev.underway.report.LoadRequest;
import dev.underway.report.LoadSummary;
import dev.underway.report.QueryKind;
import dev.underway.report.QueryMix;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import dev.underway.report.TraceReport;
import dev.underway.report.TracedStatement;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** lint, trace, rehearse and load through the facade, for the target's engine and version. */
class PostgresToolsIT {
    @TempDir
    Path dir;

    private static final String SCRATCH = "SELECT count(*) FROM pg_database WHERE datname LIKE ?";

    private final TestDatabase db = TestDatabases.postgres();

    private Underway underway() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir).build();
    }

    @Test
    void lintJudgesTheDirectoryForTheTargetsServer() throws Exception {
        Files.writeString(dir.resolve("V1__idx.sql"), "CREATE INDEX orders_id ON orders (id);");
        try (Underway uw = underway()) {
            LintReport report = uw.lint();
            assertThat(report.findings()).extracting(f -> f.code()).contains("PG101");
            assertThat(report.hasErrors()).isTrue();
        }
    }

    @Test
    void traceRecordsTheLocksEachStatementTakesOnAScratchDatabase() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);");
        Files.writeString(dir.resolve("V2__col.sql"), "ALTER TABLE t ADD COLUMN c int;");
        long scratches = db.count(SCRATCH, "underway\\_trace\\_%");
        try (Underway uw = underway()) {
            TraceReport report = uw.trace(dir);
            List<TracedStatement> traced = report.statements();
            assertThat(traced).hasSize(2);
            assertThat(traced.get(1).observation().locks()).isNotEmpty();
            assertThat(traced).extracting(TracedStatement::file).containsExactly(dir + "/V1__t.sql", dir + "/V2__col.sql");
            assertThat(report.database()).startsWith("PostgreSQL ");
            assertThat(report.differing()).isZero();

            assertThat(uw.trace(dir, "db/migration").statements()).extracting(TracedStatement::file)
                    .containsExactly("db/migration/V1__t.sql", "db/migration/V2__col.sql");
            // One file on its own scratch database: the table of V1 is not there.
            TraceReport failing = uw.trace(dir.resolve("V2__col.sql"), "V2__col.sql");
            assertThat(failing.statements()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo("V2__col.sql");
                assertThat(s.observation().error()).contains("relation \"t\" does not exist");
            });
            assertThat(failing.differing()).isOne();
        }
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")).isZero();
        assertThat(db.count(SCRATCH, "underway\\_trace\\_%")).isEqualTo(scratches);
    }

    @Test
    void rehearseOnAScratchDatabaseLeavesTheTargetAsItWasAndTheScratchIsDroppedUnlessKept() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int PRIMARY KEY, v int);");
        Files.writeString(dir.resolve("V2__col.sql"), "ALTER TABLE t ADD COLUMN c int;");
        RehearsalRequest request = RehearsalRequest.builder(dir).defaultRows(100).clients(1).ratePerSecond(20)
                .warmup(Duration.ofMillis(100)).cooldown(Duration.ofMillis(100)).window(Duration.ofMillis(100)).build();
        String ours = "underway\\_tools\\_%";
        long before = db.count(SCRATCH, ours);
        String name;
        try (Underway uw = underway(); Underway.Scratch scratch = uw.scratch("underway_tools_")) {
            name = scratch.name();
            assertThat(name).startsWith("underway_tools_");
            assertThat(db.count(SCRATCH, ours)).isEqualTo(before + 1);
            RehearsalReport report = scratch.underway().rehearse(request, null);
            assertThat(report.setup()).containsExactly("V1");
            assertThat(report.rehearsed()).containsExactly("V2");
            assertThat(report.statements()).singleElement().satisfies(s -> assertThat(s.lockMode())
                    .isEqualTo("ACCESS EXCLUSIVE"));
        }
        assertThat(db.count(SCRATCH, ours)).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")).isZero();
        assertThat(db.count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'underway'")).isZero();

        try (Underway uw = underway(); Underway.Scratch scratch = uw.scratch("underway_tools_")) {
            scratch.keep();
            name = scratch.name();
        }
        assertThat(db.count(SCRATCH, ours)).isEqualTo(before + 1);
        db.exec("DROP DATABASE \"" + name + "\"");
    }

    @Test
    void theRedactedUrlLeavesThePasswordOut() {
        Underway uw = Underway.builder().url("jdbc:postgresql://db:5432/app?user=app&password=hunter2").build();
        assertThat(uw.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***");
    }

    @Test
    void traceRefusesMariaDb() {
        TestDatabase maria = TestDatabases.mariadb();
        Underway uw = Underway.builder().url(maria.url()).user(maria.user()).password(maria.password()).build();
        assertThatThrownBy(() -> uw.trace(dir)).isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.UNSUPPORTED));
    }

    @Test
    void loadRunsTheApplicationForItsDurationAndSummarisesEachKind() throws Exception {
        db.exec("CREATE TABLE items (id bigint PRIMARY KEY, name varchar(40) NOT NULL)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) g");
        List<String> started = new ArrayList<>();
        List<LatencyStats> seconds = new ArrayList<>();
        LoadSummary summary;
        try (Underway uw = underway()) {
            summary = uw.load(new LoadRequest(List.of("items"), 2, 0, new QueryMix(0, 100, 0), 3,
                    Duration.ofSeconds(2)), new LoadListener() {
                @Override
                public void started(String database, String schema) {
                    started.add(database + " / " + schema);
                }

                @Override
                public void second(int second, LatencyStats stats) {
                    assertThat(second).isEqualTo(seconds.size() + 1);
                    seconds.add(stats);
                }
            });
        }
        assertThat(started).singleElement().asString().startsWith("PostgreSQL ").endsWith(" / public");
        assertThat(seconds).hasSize(2);
        assertThat(summary.durationMs()).isGreaterThanOrEqualTo(2000);
        long inserted = db.count("SELECT count(*) FROM items") - 100;
        assertThat(summary.of(QueryKind.INSERT).queries()).isEqualTo(inserted).isPositive();
        assertThat(summary.overall().queries()).isEqualTo(inserted);
        assertThat(summary.of(QueryKind.READ).queries()).isZero();
        assertThat(seconds.stream().mapToLong(LatencyStats::queries).sum()).isLessThanOrEqualTo(inserted);
    }

    @Test
    void loadRefusesAMissingTableAndANonPositiveDuration() {
        try (Underway uw = underway()) {
            UnderwayException missing = catchThrowableOfType(UnderwayException.class,
                    () -> uw.load(LoadRequest.of(List.of("nowhere"), Duration.ofSeconds(1)), null));
            assertThat(missing.reason()).isEqualTo(Reason.NO_SUCH_OBJECT);
            assertThat(missing.details().table()).isEqualTo("public.nowhere");
        }
        UnderwayException zero = catchThrowableOfType(UnderwayException.class,
                () -> LoadRequest.of(List.of("items"), Duration.ZERO));
        assertThat(zero.reason()).isEqualTo(Reason.BAD_OPTION);
        assertThat(zero.getMessage()).isEqualTo("the load's duration must be positive, got 0ms");
        assertThat(zero.message(Audience.CLI)).isEqualTo("--duration must be positive, got 0ms");
    }
}
