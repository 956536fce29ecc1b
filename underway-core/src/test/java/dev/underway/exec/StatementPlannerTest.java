package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.lint.FileAnalysis;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.TimeoutClass;
import dev.underway.report.LintOptions;
import dev.underway.sql.StatementSplitter;
import dev.underway.sql.shape.SchemaModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementPlannerTest {
    private static final Dialect PG = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17.6"));
    private static final Dialect MARIA = Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("11.4.5"));
    private static final OnlineExecution ONLINE = OnlineExecution.DEFAULTS.withLockTimeout(Duration.ofMillis(300))
            .withStatementTimeout(Duration.ofSeconds(30)).withLongStatementTimeout(Duration.ofHours(2));

    private static List<ExecutableStatement> plan(Dialect dialect, String sql) {
        MigrationScript script = new MigrationScript(MigrationName.parse("V7__x.sql").orElseThrow(), "V7__x.sql", null, 0,
                new StatementSplitter(dialect.syntax()).split(sql, "V7__x.sql"));
        return plan(dialect, script, ONLINE);
    }

    private static List<ExecutableStatement> plan(Dialect dialect, MigrationScript script, OnlineExecution online) {
        FileAnalysis analysis = new Linter(dialect, LintOptions.DEFAULT).analyze(LintInput.of(script, ""), new SchemaModel());
        return new StatementPlanner(dialect, online).plan(script, analysis.statements());
    }

    private static MigrationScript script(Dialect dialect, String sql) {
        return new MigrationScript(MigrationName.parse("V7__x.sql").orElseThrow(), "V7__x.sql", null, 0,
                new StatementSplitter(dialect.syntax()).split(sql, "V7__x.sql"));
    }

    @Test
    void mysqlGetsTheOnlineClauseTheVerdictAllows() {
        List<ExecutableStatement> p = plan(MARIA, "ALTER TABLE t ADD COLUMN c int;\nCREATE INDEX i ON t (c);\n"
                + "ALTER TABLE t ADD COLUMN d int, ALGORITHM=COPY;\nALTER TABLE t MODIFY c bigint;");
        assertThat(p).extracting(ExecutableStatement::sql).containsExactly(
                "ALTER TABLE t ADD COLUMN c int, ALGORITHM=INSTANT",
                "CREATE INDEX i ON t (c) ALGORITHM=INPLACE LOCK=NONE",
                "ALTER TABLE t ADD COLUMN d int, ALGORITHM=COPY",
                "ALTER TABLE t MODIFY c bigint");
        assertThat(plan(MARIA, script(MARIA, "ALTER TABLE t ADD COLUMN c int;"), ONLINE.withAppendOnlineClause(false))
                .get(0).sql()).isEqualTo("ALTER TABLE t ADD COLUMN c int");
        assertThat(plan(PG, "ALTER TABLE t ADD COLUMN c int;").get(0).sql()).isEqualTo("ALTER TABLE t ADD COLUMN c int");
    }

    @Test
    void statementsTheClassifierDoesNotUnderstandKeepTheLockTimeoutButNoStatementTimeout() {
        ExecutableStatement e = plan(PG, "DO $$ BEGIN PERFORM 1; END $$;").get(0);
        assertThat(e.timeoutClass()).isEqualTo(TimeoutClass.UNJUDGED);
        assertThat(e.lockTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(e.statementTimeout()).isNull();
    }

    @Test
    void eachClassGetsItsOwnTimeouts() {
        List<ExecutableStatement> p = plan(PG, "ALTER TABLE t ADD COLUMN c int;\nCREATE INDEX CONCURRENTLY i ON t (c);\n"
                + "INSERT INTO t VALUES (1);");
        assertThat(p).extracting(ExecutableStatement::timeoutClass).containsExactly(TimeoutClass.BRIEF_STRONG_LOCK,
                TimeoutClass.LONG_NON_BLOCKING, TimeoutClass.OTHER);
        assertThat(p).extracting(ExecutableStatement::lockTimeout).containsExactly(Duration.ofMillis(300), null, null);
        assertThat(p).extracting(ExecutableStatement::statementTimeout)
                .containsExactly(Duration.ofSeconds(30), Duration.ofHours(2), null);
        assertThat(p).extracting(ExecutableStatement::guards)
                .containsExactly("lock timeout 300ms, statement timeout 30s", "statement timeout 2h", "");
        assertThat(p.get(1).concurrentIndex().name()).isEqualTo("i");
        assertThat(p.get(0).sql()).isEqualTo("ALTER TABLE t ADD COLUMN c int");
    }

    @Test
    void theFileDirectiveOverridesTheLockTimeout() {
        List<ExecutableStatement> p = plan(PG, "-- underway:lock-timeout=5s\nALTER TABLE t ADD COLUMN c int;");
        assertThat(p.get(0).lockTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void mysqlLockTimeoutsAreWholeSecondsAndCoverIndexBuilds() {
        List<ExecutableStatement> p = plan(MARIA, "ALTER TABLE t ADD COLUMN c int;\nCREATE INDEX i ON t (c);");
        assertThat(p).extracting(ExecutableStatement::lockTimeout).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(plan(MARIA, "-- underway:lock-timeout=1500ms\nDROP TABLE t;").get(0).lockTimeout())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void badDirectivesAreUsageErrorsNamingFileAndLine() {
        assertThatThrownBy(() -> plan(PG, "SELECT 1;\n-- underway:lock-timeout=soon\nALTER TABLE t ADD c int;"))
                .isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.REFUSED_STATEMENT))
                .hasMessageContaining("V7__x.sql:2: -- underway:lock-timeout=soon: 'soon' is not a duration");
        assertThatThrownBy(() -> plan(PG, "-- underway:lock-timeout=0s\nALTER TABLE t ADD c int;"))
                .hasMessageContaining("V7__x.sql:1: -- underway:lock-timeout must be positive");
        assertThatThrownBy(() -> plan(PG, "-- underway:lock-timeout=1s\nALTER TABLE t ADD c int;\n-- underway:lock-timeout=2s\n"
                + "ALTER TABLE t ADD d int;"))
                .hasMessageContaining("V7__x.sql:1: lock-timeout is given again at line 3");
    }

    @Test
    void unnamedConcurrentIndexesAreRefused() {
        assertThatThrownBy(() -> plan(PG, "SELECT 1;\nCREATE INDEX CONCURRENTLY ON t (c);"))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.REFUSED_STATEMENT))
                .hasMessageContaining("V7__x.sql:2: 'CREATE INDEX CONCURRENTLY ON t (c)' builds an index concurrently"
                        + " without naming it");
    }

    @Test
    void concurrentIndexNamesAndTablesComeFromTheTokens() {
        var index = plan(PG, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Idx One\" ON ONLY app.\"Big Table\" (v);")
                .get(0).concurrentIndex();
        assertThat(index.name()).isEqualTo("Idx One");
        assertThat(index.table()).containsExactly("app", "Big Table");
        assertThat(plan(PG, "CREATE INDEX CONCURRENTLY Lower_Case ON T (v);").get(0).concurrentIndex().table())
                .containsExactly("t");
        assertThat(plan(MARIA, "CREATE INDEX i ON t (v);").get(0).concurrentIndex()).isNull();
    }
}
