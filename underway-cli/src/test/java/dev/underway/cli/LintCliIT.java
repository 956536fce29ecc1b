package dev.underway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.underway.testkit.ProjectFiles;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** lint, lint --fix, trace and the migrate gate through the CLI: outputs, formats and exit codes. */
class LintCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(work.resolve("db/migration"));
        write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(20), name text);\n"
                + "INSERT INTO users VALUES (1, 'a@x', 'a');");
    }

    private void write(String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql);
    }

    @Test
    void exitCodesAreZeroForCleanOneForErrorsTwoForUsageAndParseErrors() throws Exception {
        Cli clean = Cli.run(work, "lint", "db/migration");
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.err()).contains("Linted 1 file for PostgreSQL 17.0: 0 error(s)");

        write("V2__warn.sql", "TRUNCATE users;");
        assertThat(Cli.run(work, "lint", "db/migration").exitCode()).as("warnings only").isZero();

        write("V3__idx.sql", "CREATE INDEX users_email ON users (email);");
        Cli failed = Cli.run(work, "lint", "db/migration");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("db/migration/V3__idx.sql:1: PG101 error: CREATE INDEX on users without CONCURRENTLY")
                .contains("lock: SHARE: blocks writes, scans the table")
                .contains("db/migration/V2__warn.sql:1: UW014 warning");

        assertThat(Cli.run(work, "lint", "--format", "yaml", "db/migration").exitCode()).isEqualTo(2);
        assertThat(Cli.run(work, "lint", "no/such/dir").exitCode()).isEqualTo(2);
        write("V4__broken.sql", "SELECT 'unterminated;");
        Cli parse = Cli.run(work, "lint", "db/migration");
        assertThat(parse.exitCode()).isEqualTo(2);
        assertThat(parse.err()).contains("V4__broken.sql:1: unterminated string");
    }

    @Test
    void pathsAreLintedIndependently() throws Exception {
        Path alone = work.resolve("alone.sql");
        Files.writeString(alone, "ALTER TABLE users ALTER COLUMN email TYPE text;");
        Cli withoutContext = Cli.run(work, "lint", "alone.sql");
        assertThat(withoutContext.out()).contains("alone.sql:1: PG111 error");
        write("V2__widen.sql", "ALTER TABLE users ALTER COLUMN email TYPE text;");
        Cli inDirectory = Cli.run(work, "lint", "db/migration", "alone.sql");
        assertThat(inDirectory.out()).contains("db/migration/V2__widen.sql:1: PG112 info").contains("alone.sql:1: PG111 error");
    }

    @Test
    void jsonHasExactlyTheDocumentedFields() throws Exception {
        write("V2__bad.sql", "CREATE INDEX users_email ON users (email);\n-- underway:allow PG101\nCREATE INDEX users_name ON users (name);");
        Cli r = Cli.run(work, "lint", "--format", "json", "db/migration");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode findings = JSON.readTree(r.out()).get("findings");
        assertThat(findings).hasSize(3);
        JsonNode first = findings.get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("file", "line", "statement", "code", "severity", "lock", "blocksReads",
                "blocksWrites", "rewrite", "message", "safeAlternative");
        assertThat(first.get("file").asText()).isEqualTo("db/migration/V2__bad.sql");
        assertThat(first.get("line").asInt()).isEqualTo(1);
        assertThat(first.get("statement").asText()).isEqualTo("CREATE INDEX users_email ON users (email)");
        assertThat(first.get("code").asText()).isEqualTo("PG101");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("lock").asText()).isEqualTo("SHARE");
        assertThat(first.get("blocksReads").asBoolean()).isFalse();
        assertThat(first.get("blocksWrites").asBoolean()).isTrue();
        assertThat(first.get("rewrite").asBoolean()).isFalse();
        JsonNode noReason = findings.get(1);
        assertThat(noReason.get("code").asText()).isEqualTo("UW002");
        assertThat(noReason.get("line").asInt()).isEqualTo(2);
        assertThat(noReason.get("lock").isNull()).isTrue();
        assertThat(findings.get(2).get("code").asText()).as("a suppression without reason suppresses nothing").isEqualTo("PG101");
    }

    @Test
    void suppressionWithAReasonPasses() throws Exception {
        write("V2__ok.sql", "-- underway:allow PG101 reason=\"users is tiny\"\nCREATE INDEX users_email ON users (email);");
        Cli r = Cli.run(work, "lint", "db/migration");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("1 suppressed");
    }

    @Test
    void sarifIsAValidVersion210Log() throws Exception {
        write("V2__bad.sql", "CREATE INDEX users_email ON users (email);\nALTER TABLE users DROP COLUMN name;");
        Cli r = Cli.run(work, "lint", "--format", "sarif", "db/migration");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode log = JSON.readTree(r.out());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("underway");
        JsonNode rules = driver.get("rules");
        assertThat(rules.size()).isGreaterThan(25);
        for (JsonNode rule : rules) {
            assertThat(rule.get("id").asText()).matches("(PG|MY|UW)\\d{3}");
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
        }
        JsonNode results = run.get("results");
        assertThat(results).hasSize(2);
        for (JsonNode result : results) {
            int index = result.get("ruleIndex").asInt();
            assertThat(rules.get(index).get("id").asText()).isEqualTo(result.get("ruleId").asText());
            assertThat(result.get("level").asText()).isEqualTo("error");
            assertThat(result.get("message").get("text").asText()).isNotBlank();
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("db/migration/V2__bad.sql");
            assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(location.get("region").get("startLine").asInt()).isPositive();
        }
        assertThat(results.get(1).get("ruleId").asText()).isEqualTo("UW013");
        assertThat(results.get(1).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(2);
    }

    @Test
    void sarifLocationsAreUriReferencesForPathsWithSpacesAndAbsolutePaths() throws Exception {
        Path spaced = Files.createDirectories(work.resolve("sp ace"));
        Files.writeString(spaced.resolve("V2__s.sql"), "TRUNCATE users;");
        JsonNode relative = JSON.readTree(Cli.run(work, "lint", "--format", "sarif", "sp ace").out());
        assertThat(relative.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("sp%20ace/V2__s.sql");
        JsonNode absolute = JSON.readTree(Cli.run(work, "lint", "--format", "sarif", spaced.toString()).out());
        assertThat(absolute.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(spaced.resolve("V2__s.sql").toUri().toString());
    }

    @Test
    void declarativeMigrationsAreSkippedWithANote() throws Exception {
        write("V2__rename.yaml", "operations:\n  - rename_column:\n      table: users\n      from: name\n      to: full_name\n");
        Cli inDirectory = Cli.run(work, "lint", "db/migration");
        assertThat(inDirectory.exitCode()).isZero();
        assertThat(inDirectory.err()).contains("db/migration/V2__rename.yaml: declarative migration (YAML), not linted"
                + " as SQL; `underway start db/migration/V2__rename.yaml --dry-run` prints its plan")
                .contains("Linted 1 file");
        Cli named = Cli.run(work, "lint", "db/migration/V2__rename.yaml");
        assertThat(named.exitCode()).isZero();
        assertThat(named.out()).doesNotContain("UW001");
        assertThat(named.err()).contains("db/migration/V2__rename.yaml: declarative migration (YAML)").contains("Linted 0 files");
    }

    @Test
    void versionAndDialectChangeTheVerdict() throws Exception {
        write("V2__flag.sql", "ALTER TABLE users ADD COLUMN active boolean DEFAULT true;");
        assertThat(Cli.run(work, "lint", "db/migration").exitCode()).isZero();
        Cli pg10 = Cli.run(work, "lint", "--target-version", "10", "db/migration");
        assertThat(pg10.exitCode()).isEqualTo(1);
        assertThat(pg10.out()).contains("PG109");
        Path my = Files.createDirectories(work.resolve("my"));
        Files.writeString(my.resolve("V1__t.sql"), "CREATE TABLE t (id int PRIMARY KEY, a int);");
        Files.writeString(my.resolve("V2__a.sql"), "ALTER TABLE t MODIFY a bigint;");
        Cli mysql = Cli.run(work, "lint", "--dialect", "mysql", "my");
        assertThat(mysql.exitCode()).isEqualTo(1);
        assertThat(mysql.out()).contains("MY201").contains("lock: COPY, LOCK=SHARED");
        assertThat(Cli.run(work, "lint", "--target-version", "abc", "my").exitCode()).isEqualTo(2);
    }

    @Test
    void aDialectThatContradictsTheServerIsAUsageError() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        Cli contradicts = Cli.run(work, "lint", "--dialect", "mysql", "--url", db.url(), "--user", db.user(), "db/migration");
        assertThat(contradicts.exitCode()).isEqualTo(2);
        assertThat(contradicts.err()).contains("--dialect mysql contradicts").contains("which is PostgreSQL");
        Cli agrees = Cli.run(work, "lint", "--dialect", "postgres", "--url", db.url(), "--user", db.user(), "db/migration");
        assertThat(agrees.exitCode()).as(agrees.err()).isZero();
    }

    @Test
    void fixRewritesInPlaceAndDryRunOnlyPrints() throws Exception {
        write("V2__idx.sql", "CREATE INDEX users_email ON users (email);\n");
        Cli dry = Cli.run(work, "lint", "--fix", "--dry-run", "db/migration");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("-- underway:no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);");
        assertThat(Files.readString(dir.resolve("V2__idx.sql"))).isEqualTo("CREATE INDEX users_email ON users (email);\n");

        Cli fix = Cli.run(work, "lint", "--fix", "db/migration");
        assertThat(fix.exitCode()).isZero();
        assertThat(fix.err()).contains("V2__idx.sql:1: PG101 fixed");
        assertThat(Files.readString(dir.resolve("V2__idx.sql"))).contains("CREATE INDEX CONCURRENTLY users_email ON users (email);");
        assertThat(Cli.run(work, "lint", "db/migration").exitCode()).isZero();
    }

    @Test
    void migrateRefusesUnsafeMigrationsAndAppliesNothingUnlessUnsafe() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        String[] target = {"--url", db.url(), "--user", db.user()};
        write("V2__idx.sql", "CREATE TABLE audit (id int);\nCREATE INDEX users_email ON users (email);");
        Cli refused = Cli.run(work, concat(new String[] {"migrate"}, target));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("migrate refused: 1 lint error(s) in pending migrations; nothing was applied")
                .contains("V2__idx.sql:2: PG101 error");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('users', 'audit')")).isZero();

        Cli unsafe = Cli.run(work, concat(new String[] {"migrate", "--unsafe"}, target));
        assertThat(unsafe.exitCode()).isZero();
        assertThat(unsafe.err()).contains("lint: V2__idx.sql:2: PG101 error");
        assertThat(db.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email'")).isEqualTo(1);
    }

    @Test
    void theExamplesLintCleanForEveryDialect() {
        String examples = ProjectFiles.examples().toString();
        for (String dialect : List.of("postgres", "mysql", "mariadb")) {
            Cli r = Cli.run(work, "lint", "--dialect", dialect, examples);
            assertThat(r.exitCode()).as(dialect + ": " + r.out() + r.err()).isZero();
            assertThat(r.err()).as(dialect).contains("Linted 4 files").contains(": 0 error(s)");
            assertThat(r.out()).as(dialect).doesNotContain(" warning").doesNotContain(" error");
        }
    }

    @Test
    void traceAgreesOnTheExamplesAndReportsJson() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        Path examples = ProjectFiles.examples();
        Cli r = Cli.run(work, "trace", examples.toString(), "--url", db.url(), "--user", db.user(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode statements = JSON.readTree(r.out()).get("statements");
        assertThat(statements).hasSize(9);
        JsonNode addColumn = statements.get(6);
        assertThat(addColumn.get("statement").asText()).startsWith("ALTER TABLE users ADD COLUMN display_name");
        assertThat(addColumn.get("static").get("locks").get("users").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(addColumn.get("observed").get("locks").get(0).get("mode").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(addColumn.get("differences")).isEmpty();
        for (JsonNode s : statements) {
            assertThat(s.get("differences")).as(s.get("statement").asText()).isEmpty();
        }
        assertThat(db.count("SELECT count(*) FROM pg_database WHERE datname LIKE 'underway_trace_%'")).as("scratch dropped").isZero();
    }

    @Test
    void traceFlagsAStatementThatFails() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        write("V2__bad.sql", "ALTER TABLE users ADD COLUMN nick text NOT NULL;");
        Cli r = Cli.run(work, "trace", "db/migration", "--url", db.url(), "--user", db.user());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("DIFFERS").contains("V2__bad.sql:1: the statement failed: ERROR: column \"nick\" of relation "
                + "\"users\" contains null values");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
