package dev.underway;

import dev.underway.report.Finding;
import dev.underway.report.FixReport;
import dev.underway.report.FixedFile;
import dev.underway.report.LintOptions;
import dev.underway.report.LintReport;
import dev.underway.report.LintRule;
import dev.underway.report.LintTarget;
import dev.underway.report.LintTarget.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lint without a database through the facade's static entry points: the engine and version given, not detected. */
class OfflineLintTest {
    private static final LintTarget PG17 = new LintTarget(Engine.POSTGRESQL, "17");

    @TempDir
    Path dir;

    private Path migrations(String v2) throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, c int);\n");
        Files.writeString(dir.resolve("V2__change.sql"), v2);
        return dir;
    }

    @Test
    void aTargetsVersionIsItsLeadingNumbersAsMajorMinorPatch() {
        assertThat(PG17.version()).isEqualTo("17.0");
        assertThat(PG17.describe()).isEqualTo("PostgreSQL 17.0");
        assertThat(new LintTarget(Engine.MARIADB, "11.4.5-MariaDB").describe()).isEqualTo("MariaDB 11.4.5");
        assertThat(new LintTarget(Engine.MYSQL, "8.0.0")).isEqualTo(new LintTarget(Engine.MYSQL, "8.0"));
        assertThatThrownBy(() -> new LintTarget(Engine.MYSQL, "abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a server version: abc");
    }

    @Test
    void lintJudgesForTheGivenEngineAndVersionAndNamesFilesAsAsked() throws Exception {
        Path d = migrations("ALTER TABLE t ADD COLUMN active boolean DEFAULT true;\n");
        LintReport pg10 = Underway.lint(d, "db", new LintTarget(Engine.POSTGRESQL, "10"), LintOptions.DEFAULT);
        assertThat(pg10.files()).containsExactly("db/V1__t.sql", "db/V2__change.sql");
        assertThat(pg10.findings()).extracting(Finding::file, Finding::code).contains(
                org.assertj.core.groups.Tuple.tuple("db/V2__change.sql", "PG109"));
        assertThat(Underway.lint(d, "db", PG17, LintOptions.DEFAULT).findings()).extracting(Finding::code)
                .doesNotContain("PG109");
    }

    @Test
    void fixRewritesWithoutWritingAndLintsTheNewText() throws Exception {
        Path d = migrations("CREATE INDEX t_c ON t (c);\n");
        assertThat(Underway.lint(d, "", PG17, LintOptions.DEFAULT).hasErrors()).isTrue();

        FixReport fix = Underway.fix(d, "", PG17, LintOptions.DEFAULT);
        assertThat(fix.files()).extracting(FixedFile::file).containsExactly("V1__t.sql", "V2__change.sql");
        FixedFile v2 = fix.files().get(1);
        assertThat(v2.changed()).isTrue();
        assertThat(v2.path()).isEqualTo(d.resolve("V2__change.sql"));
        assertThat(v2.text()).contains("CREATE INDEX CONCURRENTLY t_c ON t (c)");
        assertThat(v2.notes()).singleElement().asString().contains("PG101 fixed");
        assertThat(fix.report().hasErrors()).as(fix.report().findings().toString()).isFalse();
        assertThat(Files.readString(v2.path())).isEqualTo("CREATE INDEX t_c ON t (c);\n");
    }

    @Test
    void declarativeMigrationsAreNamedAndNotLinted() throws Exception {
        Path d = migrations("SELECT 1;\n");
        Files.writeString(d.resolve("V3__rename.yaml"), "operations: []\n");
        assertThat(Underway.declarativeMigrations(d, "db")).containsExactly("db/V3__rename.yaml");
        assertThat(Underway.lint(d, "db", PG17, LintOptions.DEFAULT).files()).doesNotContain("db/V3__rename.yaml");
        assertThat(Underway.declarativeMigrations(d.resolve("V1__t.sql"), "V1__t.sql")).isEmpty();
    }

    @Test
    void aMissingPathIsAFileAccessFailure() {
        assertThatThrownBy(() -> Underway.lint(dir.resolve("none"), "none", PG17, LintOptions.DEFAULT))
                .isInstanceOfSatisfying(UnderwayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FILE_ACCESS));
    }

    @Test
    void theEngineChoosesTheRules() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int PRIMARY KEY, a int);\n");
        Files.writeString(dir.resolve("V2__a.sql"), "ALTER TABLE t MODIFY a bigint;\n");
        LintReport mysql = Underway.lint(dir, "", new LintTarget(Engine.MYSQL, "8.4"), LintOptions.DEFAULT);
        assertThat(mysql.findings()).extracting(Finding::code).contains("MY201");
        assertThat(mysql.findings()).filteredOn(f -> f.code().equals("MY201")).first()
                .satisfies(f -> assertThat(f.verdict().summary()).contains("COPY, LOCK=SHARED"));
    }

    @Test
    void theRulesAreListedByCodeWithTheirEngines() {
        List<LintRule> rules = Underway.lintRules();
        assertThat(rules).extracting(LintRule::code).isSorted().contains("PG101", "MY201", "UW002");
        assertThat(rules).filteredOn(r -> r.code().equals("PG101")).singleElement()
                .satisfies(r -> assertThat(r.engines()).isEqualTo("postgresql"));
    }
}
