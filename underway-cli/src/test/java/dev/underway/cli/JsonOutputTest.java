package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.Underway;
import dev.underway.migration.AppliedMigration;
import dev.underway.migration.BackfillCheckpoint;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.BackfillState;
import dev.underway.migration.BackfillStatus;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationCategory;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationState;
import dev.underway.migration.MigrationStatus;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Verdict;
import dev.underway.observe.BackfillProgress;
import dev.underway.report.FilledTable;
import dev.underway.report.Finding;
import dev.underway.report.LatencyStats;
import dev.underway.report.Observation;
import dev.underway.report.ObservedLock;
import dev.underway.report.PgLock;
import dev.underway.report.RehearsalReport;
import dev.underway.report.Severity;
import dev.underway.report.Stall;
import dev.underway.report.StepReport;
import dev.underway.report.TimelineInterval;
import dev.underway.report.TracedStatement;
import dev.underway.synthetic.SyntheticData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code --format json} document (and SARIF log) the CLI prints, byte for byte as the README and scripts know it:
 * keys, their order, types and nulls, pretty or one line per event. The expected files under {@code json-output/}
 * were written by the hand-built maps these records replaced.
 */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-04T10:15:30.123456Z");
    private static final LatencyStats STATS = new LatencyStats(40, 2,
            Map.of("57014", new LatencyStats.ErrorCount(2, "canceling statement due to lock timeout")), 1.2, 2400.0,
            2400.5);
    private static final Verdict VERDICT = new Verdict("ACCESS EXCLUSIVE", Map.of("public.users", "ACCESS EXCLUSIVE"),
            true, true, true, false, false, null, true, false, null, true, List.of("rewrites"));

    static Map<String, String> outputs() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("info", Json.write(InfoCommand.json(info(), true)));
        all.put("status", Json.write(StatusCommand.json(List.of(new MigrationStatus("3", "V3__rename.yaml", FlightPhase.STARTED, 4,
                7, "public_v3", "public", List.of("users"), List.of(new MigrationStatus.Backfill("users", "running", 10,
                100)), null, AT, AT.plusSeconds(5)), new MigrationStatus("4", "V4__x.yaml", FlightPhase.COMPLETE, 1, 2, "public_v4",
                "public_v3", List.of(), List.of(), "stopped by SIGTERM", AT, null)))));
        all.put("migrate", Json.write(MigrateJson.of(new MigrateResult("PostgreSQL 17.6", "public", List.of(
                new AppliedMigration("V1", "a", "V1__a.sql", ExecutionMode.TRANSACTIONAL, 2, 0, 15, 0, 0),
                new AppliedMigration("V2", "b", "V2__b.yaml", ExecutionMode.EXPAND_CONTRACT, 5, 1, 150, 2, 30)),
                MigrationVersion.parse("2"), List.of("V3 waits"), List.of("a warning")))));
        all.put("migrate-none", Json.write(MigrateJson.of(new MigrateResult("MariaDB 11.4", "app", List.of(), null,
                List.of()))));
        all.put("backfill-events", backfillEvents());
        all.put("backfill-finished", Json.line(BackfillCommand.finished(new BackfillResult("public.users", "public.users",
                1000, 900, 10, 1, true, null, 40, 12, 1, Duration.ofMillis(2345), false, false))) + "\n"
                + Json.line(BackfillCommand.finished(new BackfillResult("n", "public.t", 0, 0, 0, 0, null, "now()", 0, 0,
                0, Duration.ZERO, true, true))));
        all.put("backfill-status", Json.write(BackfillCommand.status(new BackfillState("public.users", "public", "users",
                "tier = 'free'", "tier IS NULL", BackfillStatus.RUNNING, new BackfillCheckpoint(1, "public.users", List.of("17", "a"),
                10, 5, 2), 100, true, null, AT, AT.plusSeconds(1), false))));
        all.put("backfill-status-page", Json.write(BackfillCommand.status(new BackfillState("n", "public", "t", "touch",
                null, BackfillStatus.DONE, new BackfillCheckpoint(0, null, List.of("120"), 0, 0, 0), 0, false, "done", AT, null,
                true))));
        all.put("load-second", Json.line(LoadCommand.secondJson(3, STATS)));
        all.put("trace", trace());
        all.put("lint", Json.write(LintOutput.findings(findings())));
        all.put("sarif", Json.write(Sarif.log(findings())));
        all.put("rehearsal", Json.write(RehearsalJson.of(rehearsal())));
        all.put("rehearsal-empty", Json.write(RehearsalJson.of(new RehearsalReport("MariaDB 11.4", List.of(), List.of(),
                List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), "V2 failed"))));
        return all;
    }

    private static Underway.Info info() {
        return new Underway.Info("PostgreSQL 17.6", "public", MigrationVersion.parse("1.10"), List.of(
                new MigrationInfo(MigrationVersion.parse("1.10"), "first", MigrationCategory.VERSIONED, "SQL",
                        "V1.10__first.sql", MigrationState.APPLIED, 123456, AT, 42L, null, "app"),
                new MigrationInfo(null, "views", MigrationCategory.REPEATABLE, "SQL", "R__views.sql",
                        MigrationState.OUTDATED, -5, null, null, "changed since", null)), List.of("checksum mismatch"));
    }

    private static String backfillEvents() {
        StringWriter text = new StringWriter();
        BackfillJsonLines lines = new BackfillJsonLines(new PrintWriter(text, true));
        lines.started("public.users", "public.users", 1000, false, List.of("UPDATE users SET a = 1"));
        lines.passStarted("public.users", 0);
        lines.passStarted("public.users", 1);
        lines.batchDone(new BackfillProgress("public.users", 0, "public.users", 333, 300, 1000, 1234.56,
                Duration.ofSeconds(7), 100, 40));
        lines.batchDone(new BackfillProgress("public.users", 1, "public.users", 0, 300, 0, 0, null, 50, 3));
        lines.throttled("public.users", "replica lag 6s", Duration.ofMillis(1500));
        lines.retrying("public.users", "lock timeout", 2, Duration.ofMillis(200), 25);
        lines.catchUpSkipped("public.users", "now() is not a function of the row");
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    private static String trace() {
        SqlStatement statement = new SqlStatement(0, "ALTER TABLE users ADD COLUMN a int", 12, List.of(), List.of());
        TracedStatement observed = new TracedStatement("db/migration/V2__a.sql", statement, VERDICT,
                new Observation(List.of(new ObservedLock("public.users", 'r', PgLock.ACCESS_EXCLUSIVE, true, true),
                        new ObservedLock("public.new", 'r', PgLock.SHARE, false, true)), List.of("public.users"),
                        null, Set.of("public.users"), 12, null), List.of());
        TracedStatement notRun = new TracedStatement("db/migration/V2__a.sql", new SqlStatement(1, "COMMIT", 13,
                List.of(), List.of()), Verdict.noLock(), null, List.of("not run"));
        StringWriter text = new StringWriter();
        new TraceOutput(new PrintWriter(text, true)).print(List.of(observed, notRun), Format.JSON);
        return text.toString().replace(System.lineSeparator(), "\n").stripTrailing();
    }

    private static List<Finding> findings() {
        return List.of(new Finding("PG101", Severity.ERROR, "CREATE INDEX blocks writes", "because", "CONCURRENTLY",
                        "sp ace/V2__i.sql", 3, "CREATE INDEX i ON users (a)", VERDICT),
                new Finding("UW001", Severity.WARNING, "no reason", "why", "give one", "/abs/V3__x.sql", 1,
                        "-- underway:allow PG101", null));
    }

    private static RehearsalReport rehearsal() {
        StepReport step = new StepReport("V2", "V2__x.sql", 1, "start", "CREATE INDEX users_score ON users (score)",
                1000, 1, "ACCESS EXCLUSIVE", "observed", List.of("users: ACCESS EXCLUSIVE"), 5, List.of("pid 7"), 1,
                List.of("public.users"), List.of("users_pkey"), List.of("PG101"), null, STATS, STATS, LatencyStats.EMPTY,
                new Stall(1000, 2400), "transaction");
        StepReport quiet = new StepReport("V2", "V2__x.sql", 2, null, "SELECT 1", 1001, 800, "none", "verdict",
                List.of(), 0, List.of(), 0, List.of(), List.of(), List.of(), "boom", STATS, STATS, STATS, Stall.NONE, null);
        return new RehearsalReport("PostgreSQL 17.6", List.of("V1"), List.of("V2"),
                List.of(new FilledTable(new QualifiedName("public", "users"), 1000, 55, false)),
                new RehearsalReport.LoadSummary(List.of("users"), 2, 100, "read=80,insert=10,update=10", 5000, STATS,
                        LatencyStats.EMPTY, new Stall(1000, 2400)),
                List.of(step, quiet), List.of(new TimelineInterval(0, 10, 0, 1.5, 2.5, 3.0)),
                List.of(new TimelineInterval(100, 1, 1, 0.5, 0.5, 0.5)),
                List.of(new RehearsalReport.Event(1200, "load moved to public_v2")),
                List.of(dev.underway.lint.Rules.byCode("PG101").orElseThrow().describe()), null);
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = JsonOutputTest.class.getResourceAsStream("/json-output/" + name + ".json")) {
            assertThat(in).as("json-output/" + name + ".json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyDocumentIsByteForByteTheOneScriptsKnow() throws IOException {
        String write = System.getProperty("json.output.write");
        for (Map.Entry<String, String> e : outputs().entrySet()) {
            if (write != null) {
                Files.writeString(Path.of(write, e.getKey() + ".json"), e.getValue());
            } else {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected(e.getKey()));
            }
        }
    }

    /** The fields scripts read, by type: versions and instants as text, counts as numbers, absent values as null. */
    @Test
    void fieldsHaveTheirDocumentedTypes() throws IOException {
        Map<String, String> all = outputs();
        JsonNode info = JSON.readTree(all.get("info"));
        assertThat(info.get("current_version").isTextual()).isTrue();
        assertThat(info.get("migrations").get(0).get("installed_on").asText()).isEqualTo(AT.toString());
        assertThat(info.get("migrations").get(1).get("version").isNull()).isTrue();
        assertThat(info.get("migrations").get(0).get("execution_ms").isIntegralNumber()).isTrue();

        JsonNode flight = JSON.readTree(all.get("status")).get("in_flight").get(0);
        assertThat(flight.get("actions_done").asInt()).isEqualTo(4);
        assertThat(flight.get("backfills").get(0).get("estimated_rows").asLong()).isEqualTo(100);
        assertThat(flight.get("started_on").asText()).isEqualTo(AT.toString());

        JsonNode applied = JSON.readTree(all.get("migrate")).get("applied").get(1);
        assertThat(applied.get("migration").asText()).isEqualTo("V2");
        assertThat(applied.get("mode").asText()).isEqualTo("expand_contract");
        assertThat(applied.get("lock_wait_ms").asLong()).isEqualTo(30);

        List<JsonNode> events = all.get("backfill-events").lines().map(JsonOutputTest::parse).toList();
        assertThat(events).allSatisfy(e -> assertThat(e.fieldNames().next()).isEqualTo("event"));
        assertThat(events.get(3).get("percent").asDouble()).isEqualTo(33.3);
        assertThat(events.get(4).get("eta_seconds").isNull()).isTrue();
        JsonNode finished = parse(all.get("backfill-finished").lines().findFirst().orElseThrow());
        assertThat(finished.get("event").asText()).isEqualTo("finished");
        assertThat(finished.get("took_ms").asLong()).isEqualTo(2345);

        JsonNode status = JSON.readTree(all.get("backfill-status"));
        assertThat(status.get("last_key").get(1).asText()).isEqualTo("a");
        assertThat(status.get("next_page").isNull()).isTrue();
        assertThat(JSON.readTree(all.get("backfill-status-page")).get("next_page").asLong()).isEqualTo(120);

        JsonNode second = JSON.readTree(all.get("load-second"));
        assertThat(second.get("type").asText()).isEqualTo("second");
        assertThat(second.has("errorsByState")).isFalse();

        JsonNode traced = JSON.readTree(all.get("trace")).get("statements");
        assertThat(traced.get(0).get("static").get("locks").get("public.users").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(traced.get(0).get("observed").get("locks")).hasSize(1);
        assertThat(traced.get(1).get("observed").isNull()).isTrue();

        JsonNode finding = JSON.readTree(all.get("lint")).get("findings").get(1);
        assertThat(finding.get("blocksReads").isNull()).isTrue();
        assertThat(finding.get("severity").asText()).isEqualTo("warning");

        JsonNode sarif = JSON.readTree(all.get("sarif"));
        assertThat(sarif.get("$schema").asText()).isEqualTo(Sarif.SCHEMA);
        JsonNode result = sarif.get("runs").get(0).get("results").get(0);
        assertThat(result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("sp%20ace/V2__i.sql");

        JsonNode rehearsal = JSON.readTree(all.get("rehearsal"));
        assertThat(rehearsal.get("load").get("errorsBySqlState").get("57014").get("count").asLong()).isEqualTo(2);
        assertThat(rehearsal.get("load").get("p99Ms").asDouble()).isEqualTo(2400.0);
        assertThat(rehearsal.get("statements").get(1).get("load").get("stallAtMs").isNull()).isTrue();
        assertThat(rehearsal.get("timeline").get(0).get("p50Ms").asDouble()).isEqualTo(1.5);
        assertThat(JSON.readTree(all.get("rehearsal-empty")).get("load").isNull()).isTrue();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
