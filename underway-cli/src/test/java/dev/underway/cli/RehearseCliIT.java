package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** underway rehearse and underway load through the CLI: report formats, the scratch database, limits and exit codes. */
class RehearseCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    Path dir;
    TestDatabase db = TestDatabases.postgres();

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL,"
                + " score int);");
        Files.writeString(dir.resolve("V2__block.sql"), "ALTER TABLE users ADD COLUMN note text;\n"
                + "SELECT pg_sleep(1.2);");
    }

    private Cli rehearse(String... more) {
        List<String> args = new ArrayList<>(List.of("rehearse", "--url", db.url(), "--user", db.user(), "--rows", "2000",
                "--clients", "2", "--rate", "100", "--warmup", "600ms", "--cooldown", "600ms"));
        args.addAll(List.of(more));
        return Cli.run(work, args.toArray(String[]::new));
    }

    @Test
    void jsonReportHasTheStatementsLoadAndTimelineAndTheScratchDatabaseIsGone() throws Exception {
        long scratchBefore = scratchDatabases();
        // The UPDATE without a WHERE gets a lint finding (UW015), which the report explains.
        Files.writeString(dir.resolve("V2__block.sql"), "ALTER TABLE users ADD COLUMN note text;\n"
                + "SELECT pg_sleep(1.2);\nUPDATE users SET score = 0;");
        Cli r = rehearse("--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("on the scratch database underway_rehearse_").contains("(dropped afterwards)");

        JsonNode report = JSON.readTree(r.out());
        JsonNode statements = report.get("statements");
        assertThat(statements).hasSize(3);
        for (String field : List.of("file", "line", "sql", "durationMs", "lockMode", "lockWaitMs", "rewrite")) {
            assertThat(statements.get(0).has(field)).as(field).isTrue();
        }
        assertThat(statements.get(0).get("file").asText()).isEqualTo("V2__block.sql");
        assertThat(statements.get(0).get("lockMode").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(statements.get(0).get("rewrite").asBoolean()).isFalse();
        assertThat(statements.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(statements.get(1).get("durationMs").asLong()).isGreaterThanOrEqualTo(1200);
        JsonNode load = report.get("load");
        for (String field : List.of("queries", "errors", "p50Ms", "p99Ms", "maxMs", "longestStallMs")) {
            assertThat(load.has(field)).as(field).isTrue();
        }
        // The sleep keeps the ALTER's lock for 1.2 s within the migration's transaction: its stall, not the ALTER's.
        assertThat(load.get("longestStallMs").asLong()).isGreaterThanOrEqualTo(900);
        JsonNode sleep = statements.get(1).get("load");
        assertThat(sleep.get("longestStallMs").asLong()).isEqualTo(load.get("longestStallMs").asLong());
        assertThat(sleep.get("stallScope").asText()).isEqualTo("statement");
        assertThat(statements.get(0).get("load").get("longestStallMs").asLong()).isLessThan(900);
        assertThat(statements.get(2).get("lint").get(0).asText()).isEqualTo("UW015");
        assertThat(report.get("lintCodes")).singleElement().satisfies(c -> {
            assertThat(c.get("code").asText()).isEqualTo("UW015");
            assertThat(c.get("severity").asText()).isEqualTo("warning");
            assertThat(c.get("summary").asText()).contains("UPDATE/DELETE without a WHERE");
        });
        assertThat(load.get("errors").asLong()).isZero();
        assertThat(report.get("timeline").size()).isPositive();
        assertThat(report.get("setup").get(0).asText()).isEqualTo("V1");
        assertThat(scratchDatabases()).isEqualTo(scratchBefore);
    }

    @Test
    void htmlReportIsOnePageWithTheChartAndTheLimitsFailTheRun() throws Exception {
        Cli r = rehearse("--format", "html", "--output", "report.html", "--max-stall", "300ms");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("Report written to report.html").contains("the application stalled for")
                .contains("(--max-stall 300ms)");
        String html = Files.readString(work.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<polyline")
                .contains("V2__block.sql:1").contains("SELECT pg_sleep(1.2)").contains("longest stall");
        // Issue 20: max was drawn over p99, hiding it wherever they are equal; now max is dashed and drawn first.
        int max = html.indexOf("<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=");
        assertThat(max).isPositive().isLessThan(html.indexOf("<polyline fill=\"none\" stroke=\"#ff7f0e\""));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void keepLeavesTheScratchDatabaseAndBadInputIsAUsageError() throws Exception {
        long scratchBefore = scratchDatabases();
        Cli kept = rehearse("--keep");
        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(kept.err()).contains("(kept)");
        assertThat(kept.out()).contains("V2__block.sql:2").contains("Application load: 2 clients on users")
                .contains("stall: the longest time no application query finished that belongs to the statement");
        assertThat(scratchDatabases()).isEqualTo(scratchBefore + 1);

        assertThat(rehearse("--rows", "nope=12").err()).contains("--rows names table");
        assertThat(rehearse("--rows", "nope=12").exitCode()).isEqualTo(2);
        assertThat(rehearse("--mix", "read=1,delete=2").exitCode()).isEqualTo(2);
        assertThat(rehearse("--from", "9").err()).contains("no migration at or above version 9");
        assertThat(Cli.run(work, "rehearse", "--in-place").err()).contains("--in-place needs --url");
    }

    @Test
    void loadCommandPrintsOneLinePerSecondAndASummary() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) g");
        }
        Cli r = Cli.run(work, "load", "--url", db.url(), "--user", db.user(), "--table", "items", "--duration", "2s",
                "--rate", "50", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.get(0).get("type").asText()).isEqualTo("second");
        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("type", "second", "queries", "errors", "p50Ms",
                "p99Ms", "maxMs");
        assertThat(summary.fieldNames()).toIterable().containsExactly("type", "durationMs", "queries", "errors", "p50Ms",
                "p99Ms", "maxMs", "errorsBySqlState", "longestStallMs", "longestStallAtMs", "read", "insert", "update");
        assertThat(summary.get("read").fieldNames()).toIterable().containsExactly("queries", "errors", "p50Ms", "p99Ms",
                "maxMs");
        long perSecond = lines.stream().filter(l -> l.get("type").asText().equals("second"))
                .mapToLong(l -> l.get("queries").asLong()).sum();
        assertThat(summary.get("queries").asLong()).isGreaterThanOrEqualTo(perSecond).isPositive();
        assertThat(summary.get("read").get("queries").asLong() + summary.get("insert").get("queries").asLong()
                + summary.get("update").get("queries").asLong()).isEqualTo(summary.get("queries").asLong());
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            assertThat(rs.getLong(1) - 100).isEqualTo(summary.get("insert").get("queries").asLong());
        }
    }

    private long scratchDatabases() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'underway\\_rehearse\\_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
