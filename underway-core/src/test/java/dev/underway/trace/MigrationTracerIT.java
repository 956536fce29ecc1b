package dev.underway.trace;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.report.LintOptions;
import dev.underway.report.TracedStatement;
import dev.underway.sql.StatementSplitter;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trace on the embedded PostgreSQL flags where the static verdict is wrong. */
class MigrationTracerIT {
    private static final Dialect PG = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17"));

    @Test
    void aDefaultCallingAnImmutableFunctionOfUnknownVolatilityIsFlaggedAsNotRewriting() throws Exception {
        String sql = """
                CREATE TABLE t (id int PRIMARY KEY);
                INSERT INTO t SELECT generate_series(1, 50);
                CREATE FUNCTION f() RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT 1';
                ALTER TABLE t ADD COLUMN d int DEFAULT f();
                """;
        TestDatabase db = TestDatabases.postgres();
        LintInput file = new LintInput("V1__f.sql", new StatementSplitter(PG.syntax()).split(sql, "V1__f.sql"));
        List<TracedStatement> traced;
        try (Connection session = db.connect()) {
            traced = new MigrationTracer(new Linter(PG, LintOptions.DEFAULT), db::connect).traceAll(session, List.of(file));
        }
        TracedStatement alter = traced.get(3);
        assertThat(alter.verdict().rewrite()).isTrue();
        assertThat(alter.differences()).containsExactly("expected a rewrite, observed none");
        assertThat(traced.subList(0, 3)).allSatisfy(t -> assertThat(t.differences()).isEmpty());
    }
}
