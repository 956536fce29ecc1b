package dev.underway.cli;

import dev.underway.report.LatencyStats;
import dev.underway.report.RehearsalReport;
import dev.underway.report.Stall;
import dev.underway.report.StepReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three report formats say what a stall belongs to and what each lint code means: issue 20 saw a 1 ms
 * ALTER blamed for its transaction's stall and bare codes nobody could read.
 */
class RehearsalRenderTest {
    private static final LatencyStats SOME = new LatencyStats(40, 0, java.util.Map.of(), 1.2, 2400.0, 2400.0);

    private static StepReport step(int line, String sql, long start, long ms, List<String> lint, Stall stall,
                                   String scope) {
        return new StepReport("V2", "V2__x.sql", line, null, sql, start, ms, "ACCESS EXCLUSIVE", "observed",
                List.of("users: ACCESS EXCLUSIVE"), 0, List.of(), 0, List.of(), List.of(), lint, null, SOME, SOME, SOME,
                stall, scope);
    }

    private static RehearsalReport report() {
        return new RehearsalReport("PostgreSQL 17.6", List.of("V1"), List.of("V2"), List.of(),
                new RehearsalReport.LoadSummary(List.of("users"), 2, 100, "read=80,insert=10,update=10", 5000, SOME,
                        SOME, new Stall(1000, 2400)),
                List.of(step(1, "CREATE INDEX users_score ON users (score)", 1000, 1, List.of("PG101"),
                                new Stall(1000, 2400), "transaction"),
                        step(2, "SELECT pg_sleep(0.8)", 1001, 800, List.of(), Stall.NONE, null)),
                List.of(), List.of(), List.of(), List.of(dev.underway.lint.Rules.byCode("PG101").orElseThrow().describe()),
                null);
    }

    @Test
    void textLabelsTheTransactionsStallAndExplainsLintCodes() {
        String text = RehearsalText.render(report());
        assertThat(text).contains("2400 ms in transaction")
                .contains("stall: the longest time no application query finished that belongs to the statement")
                .contains("Lint codes:\n  PG101 (error, create-index-not-concurrently): CREATE INDEX without"
                        + " CONCURRENTLY blocks writes to the table until the index is built");
    }

    @Test
    void jsonCarriesTheStallsScopeAndTheLintGlossary() {
        String json = Json.write(RehearsalJson.of(report()));
        assertThat(json).contains("\"stallScope\" : \"transaction\"").contains("\"stallAtMs\" : 1000")
                .contains("\"code\" : \"PG101\"").contains("\"name\" : \"create-index-not-concurrently\"")
                .contains("\"summary\" : \"CREATE INDEX without CONCURRENTLY blocks writes to the table until the index"
                        + " is built\"");
    }

    @Test
    void htmlExplainsLintCodesInTheTableAndBelowIt() {
        String html = RehearsalHtml.render(report());
        assertThat(html).contains("<abbr title=\"CREATE INDEX without CONCURRENTLY blocks writes to the table until the"
                        + " index is built\">PG101</abbr>")
                .contains("<h2>Lint codes</h2>").contains("2400 ms in transaction");
    }
}
