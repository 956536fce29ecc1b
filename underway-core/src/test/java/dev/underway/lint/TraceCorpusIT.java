package dev.underway.lint;

import dev.underway.dialect.Dialect;
import dev.underway.report.LintOptions;
import dev.underway.report.TracedStatement;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import dev.underway.trace.MigrationTracer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL corpus run through trace on the embedded server: every static verdict must
 * agree with the locks, rewrites and scans PostgreSQL really shows. Files written for another
 * version ({@code -- @version}) and entries marked {@code trace=skip:why} are not traced.
 */
class TraceCorpusIT {

    @Test
    void staticVerdictsAgreeWithTracedLocksRewritesAndScans() throws Exception {
        Corpus corpus = LintCorpusTest.POSTGRES;
        TestDatabase db = TestDatabases.postgres();
        List<String> disagreements = new ArrayList<>();
        int traced = 0;
        try (Connection session = db.connect()) {
            SchemaModel schema = new SchemaModel();
            for (Corpus.CorpusFile f : corpus.files()) {
                if (f.version() != null) {
                    continue;
                }
                Dialect dialect = f.dialect(corpus);
                MigrationTracer tracer = new MigrationTracer(new Linter(dialect, LintOptions.DEFAULT), db::connect);
                List<TracedStatement> results = tracer.trace(session, new LintInput(f.name(), f.script()), schema);
                for (int i = 0; i < results.size(); i++) {
                    TracedStatement t = results.get(i);
                    Map<String, String> expect = f.expectations().get(i);
                    if (t.observation() == null || expect.containsKey("trace")) {
                        continue;
                    }
                    traced++;
                    if (!t.agrees()) {
                        disagreements.add(f.name() + ":" + t.statement().line() + " " + t.statement().preview(70)
                                + "\n      " + String.join("; ", t.differences())
                                + "\n      static: " + t.verdict().describeLocks() + " rewrite="
                                + t.verdict().rewrite() + " scan=" + t.verdict().scan()
                                + "\n      traced: " + t.observation().locks() + " rewritten=" + t.observation().rewritten()
                                + " scanned=" + t.observation().scanned());
                    }
                }
            }
        }
        assertThat(disagreements).as("static verdicts that disagree with the trace").isEmpty();
        assertThat(traced).isGreaterThan(100);
    }
}
