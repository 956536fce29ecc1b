package dev.underway.lint;

import dev.underway.dialect.DatabaseKind;
import dev.underway.migration.Verdict;
import dev.underway.report.Finding;
import dev.underway.report.LintOptions;
import dev.underway.sql.shape.SchemaModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of the corpus gets exactly the expected lock, verdict and finding codes.
 * A failure lists every disagreement at once, one line per statement.
 */
class LintCorpusTest {

    static final Corpus POSTGRES = Corpus.load("corpus-postgres.sql", DatabaseKind.POSTGRESQL, "17.6");
    static final Corpus MYSQL = Corpus.load("corpus-mysql.sql", DatabaseKind.MYSQL, "8.0.35");
    static final Corpus MARIADB = Corpus.load("corpus-mariadb.sql", DatabaseKind.MARIADB, "11.4.5");

    @Test
    void corpusHasAtLeast150StatementsOverBothEngines() {
        assertThat(POSTGRES.statementCount() + MYSQL.statementCount() + MARIADB.statementCount()).isGreaterThanOrEqualTo(150);
        assertThat(MYSQL.statementCount() + MARIADB.statementCount()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void postgresVerdictsAndFindingsMatchTheCorpus() {
        assertThat(disagreements(POSTGRES)).isEmpty();
    }

    @Test
    void mysqlVerdictsAndFindingsMatchTheCorpus() {
        assertThat(disagreements(MYSQL)).isEmpty();
    }

    @Test
    void mariadbVerdictsAndFindingsMatchTheCorpus() {
        assertThat(disagreements(MARIADB)).isEmpty();
    }

    static List<String> disagreements(Corpus corpus) {
        List<String> out = new ArrayList<>();
        SchemaModel schema = new SchemaModel();
        for (Corpus.CorpusFile f : corpus.files()) {
            FileAnalysis analysis = new Linter(f.dialect(corpus), LintOptions.DEFAULT).analyze(new LintInput(f.name(), f.script()), schema);
            for (int i = 0; i < analysis.statements().size(); i++) {
                StatementAnalysis a = analysis.statements().get(i);
                List<String> diffs = compare(f.expectations().get(i), a);
                if (!diffs.isEmpty()) {
                    out.add(f.name() + ":" + a.statement().line() + " " + a.statement().preview(70) + "\n      "
                            + String.join("; ", diffs) + "\n      notes: " + a.verdict().notes());
                }
            }
        }
        return out;
    }

    static List<String> compare(Map<String, String> expect, StatementAnalysis a) {
        Verdict v = a.verdict();
        List<String> diffs = new ArrayList<>();
        check(diffs, "lock", expect.get("lock"), normalize(v.lock()));
        check(diffs, "rewrite", expect.get("rewrite"), yes(v.rewrite()));
        check(diffs, "scan", expect.get("scan"), yes(v.scan()));
        check(diffs, "breaks", expect.getOrDefault("breaks", "no"), yes(v.breaksClients()));
        check(diffs, "reads", expect.get("reads"), v.blocksReads() ? "block" : "ok");
        check(diffs, "writes", expect.get("writes"), v.blocksWrites() ? "block" : "ok");
        check(diffs, "online", expect.get("online"), v.online() == null ? "-" : normalize(v.online()));
        if (expect.containsKey("also")) {
            for (String also : expect.get("also").split(" ")) {
                String[] rel = also.split(":");
                check(diffs, "lock on " + rel[0], rel[1], v.locks().get(rel[0]) == null ? "none" : normalize(v.locks().get(rel[0])));
            }
        }
        String codes = expect.get("codes");
        if (codes == null) {
            diffs.add("no codes= in the expectation");
        } else {
            TreeSet<String> expected = new TreeSet<>(codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")));
            TreeSet<String> actual = new TreeSet<>(a.findings().stream().map(Finding::code).toList());
            if (!expected.equals(actual)) {
                diffs.add("codes expected " + expected + " but got " + actual + " "
                        + a.findings().stream().map(Finding::message).toList());
            }
        }
        return diffs;
    }

    private static void check(List<String> diffs, String what, String expected, String actual) {
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            diffs.add(what + " expected " + expected + " but got " + actual);
        }
    }

    static String normalize(String label) {
        return label.replace(", ", ",").replace(' ', '_');
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
