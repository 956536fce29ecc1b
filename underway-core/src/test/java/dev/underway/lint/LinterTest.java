package dev.underway.lint;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.SqlScript;
import dev.underway.migration.Verdict;
import dev.underway.plan.ExecutionModes;
import dev.underway.report.Finding;
import dev.underway.report.LintOptions;
import dev.underway.sql.StatementSplitter;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.testkit.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Suppressions, context across files, and the verdict API the executor reads. */
class LinterTest {
    private static final Dialect PG = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17"));
    private static final Dialect MYSQL = Dialects.offline(DatabaseKind.MYSQL, ServerVersion.parse("8.0.35"));

    private static LintInput file(Dialect d, String name, String sql) {
        SqlScript s = new StatementSplitter(d.syntax()).split(sql, name);
        return new LintInput(name, s);
    }

    private static List<Finding> findings(Dialect d, String... files) {
        List<LintInput> inputs = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            inputs.add(file(d, "V" + (i + 1) + "__f.sql", files[i]));
        }
        return new Linter(d, LintOptions.DEFAULT).lint(inputs).findings();
    }

    private static List<String> codes(Dialect d, String... files) {
        return findings(d, files).stream().map(f -> f.code() + "@" + f.file() + ":" + f.line()).toList();
    }

    private static List<String> messages(Dialect d, String... files) {
        return findings(d, files).stream().map(f -> f.code() + " " + f.message()).toList();
    }

    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(20), name text);";

    @Test
    void suppressionWithAReasonRemovesTheFindingOfItsStatementOnly() {
        assertThat(codes(PG, USERS, """
                -- underway:allow PG101 reason="users has 40 rows"
                CREATE INDEX a ON users (email);
                CREATE INDEX b ON users (name);""")).containsExactly("PG101@V2__f.sql:3");
    }

    @Test
    void suppressionWithoutAReasonIsAnErrorAndSuppressesNothing() {
        assertThat(codes(PG, USERS, """
                -- underway:allow PG101
                CREATE INDEX a ON users (email);""")).containsExactlyInAnyOrder("UW002@V2__f.sql:1", "PG101@V2__f.sql:2");
        assertThat(codes(PG, USERS, """
                -- underway:allow PG101 reason=""
                CREATE INDEX a ON users (email);""")).containsExactlyInAnyOrder("UW002@V2__f.sql:1", "PG101@V2__f.sql:2");
    }

    @Test
    void suppressionWithoutACodeIsAnErrorAndSuppressesNothing() {
        assertThat(messages(PG, USERS, """
                -- underway:allow reason="no code"
                CREATE INDEX a ON users (email);""")).containsExactly(
                "UW004 the suppression names no rule code; it suppresses nothing",
                "PG101 CREATE INDEX on users without CONCURRENTLY blocks writes until the index is built");
        assertThat(codes(PG, USERS, "-- underway:allow-file\nCREATE INDEX a ON users (email);"))
                .containsExactlyInAnyOrder("UW004@V2__f.sql:1", "PG101@V2__f.sql:2");
    }

    @Test
    void fileLevelSuppressionCoversEveryStatementAndUnknownCodesAreReported() {
        assertThat(codes(PG, USERS, """
                -- underway:allow-file PG101, PG999 reason="small tables, maintenance window"
                CREATE INDEX a ON users (email);

                CREATE INDEX b ON users (name);""")).containsExactly("UW003@V2__f.sql:1");
    }

    @Test
    void aTableCreatedEarlierInTheSameMigrationIsNotFlaggedButOneFromAnEarlierMigrationIs() {
        String sameFile = USERS + "\nCREATE INDEX a ON users (email);\nALTER TABLE users ADD CONSTRAINT c CHECK (id > 0);";
        assertThat(codes(PG, sameFile)).isEmpty();
        assertThat(codes(PG, USERS, "CREATE INDEX a ON users (email);\nALTER TABLE users ADD CONSTRAINT c CHECK (id > 0);"))
                .containsExactly("PG101@V2__f.sql:1", "PG105@V2__f.sql:2");
    }

    @Test
    void aVarcharToTextChangeIsSafeOnlyWhenTheColumnIsKnownToBeVarchar() {
        String change = "ALTER TABLE users ALTER COLUMN email TYPE text;";
        assertThat(codes(PG, USERS, change)).containsExactly("PG112@V2__f.sql:1");
        assertThat(codes(PG, change)).containsExactly("PG111@V1__f.sql:1");
        assertThat(codes(PG, "CREATE TABLE users (id bigint, email char(20));", change)).containsExactly("PG111@V2__f.sql:1");
    }

    @Test
    void typeChangeMessagesNameTheOldAndTheNewTypeAsWritten() {
        assertThat(messages(PG, "CREATE TABLE users (id bigint, code char(4) NOT NULL);",
                "ALTER TABLE users ALTER COLUMN code TYPE text;"))
                .singleElement().asString().startsWith("PG111 ").contains("char(4) → text is not binary coercible");
        assertThat(messages(MYSQL, "CREATE TABLE c (id int PRIMARY KEY, name varchar(50));",
                "ALTER TABLE c MODIFY name varchar(100);"))
                .singleElement().asString().startsWith("MY201 ").contains("varchar(50) → varchar(100) crosses 255 bytes");
    }

    @Test
    void aConcurrentBuildWithoutANameIsReportedBecauseTheExecutorRefusesIt() {
        assertThat(messages(PG, USERS, "-- underway:no-transaction\nCREATE INDEX CONCURRENTLY ON users (email);"))
                .containsExactly("PG116 CREATE INDEX CONCURRENTLY on users has no name; Underway's executor refuses it"
                        + " (PostgreSQL would name it users_email_idx)");
        assertThat(codes(PG, USERS, "-- underway:no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);"))
                .isEmpty();
    }

    @Test
    void aConvertedCharacterSetDecidesWhetherAVarcharCrosses255Bytes() {
        String create = "CREATE TABLE c (id int PRIMARY KEY, name varchar(50), note varchar(50) CHARACTER SET utf8mb4);";
        String widen = "ALTER TABLE c MODIFY name varchar(100);";
        assertThat(codes(MYSQL, create, widen)).containsExactly("MY201@V2__f.sql:1");
        assertThat(codes(MYSQL, create, "ALTER TABLE c CONVERT TO CHARACTER SET latin1;", widen,
                "ALTER TABLE c MODIFY note varchar(200);")).containsExactly("MY206@V2__f.sql:1");
        assertThat(codes(MYSQL, create, "ALTER TABLE c CONVERT TO CHARSET latin1;",
                "ALTER TABLE c CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;", widen))
                .containsExactly("MY206@V2__f.sql:1", "MY206@V3__f.sql:1", "MY201@V4__f.sql:1");
    }

    @Test
    void contextFollowsRenamesAcrossFiles() {
        assertThat(codes(PG, USERS, "ALTER TABLE users RENAME TO people; -- underway:allow UW010 reason=\"no clients yet\"",
                "ALTER TABLE people ALTER COLUMN email TYPE varchar(40);")).containsExactly("PG112@V3__f.sql:1");
    }

    @Test
    void unknownStatementsAreWarningsNeverSilentlySafe() {
        Linter linter = new Linter(PG, LintOptions.DEFAULT);
        FileAnalysis a = linter.analyze(file(PG, "V1__x.sql", "FROBNICATE users;\nALTER TABLE users FROB x;"), new SchemaModel());
        assertThat(a.findings()).extracting(Finding::code).containsExactly("UW001", "UW001");
        // Said once: not "not understood, so its locks are unknown: the statement was not understood".
        assertThat(a.findings()).extracting(Finding::message).containsExactly(
                "its locks are unknown: the statement was not understood",
                "its locks are unknown: ALTER TABLE sub-command not understood: FROB x");
        assertThat(a.statements()).allSatisfy(s -> assertThat(s.verdict().known()).isFalse());
        assertThat(a.statements().get(0).verdict().strongLock()).isTrue();
    }

    @Test
    void verdictsTellTheExecutorHowToRunEachStatement() {
        Linter linter = new Linter(PG, LintOptions.DEFAULT);
        FileAnalysis a = linter.analyze(file(PG, "V1__x.sql", """
                -- underway:no-transaction
                CREATE INDEX CONCURRENTLY i ON users (email);
                ALTER TABLE users ADD COLUMN x int;
                ALTER TABLE users VALIDATE CONSTRAINT c;
                SELECT 1;"""), new SchemaModel());
        List<Verdict> v = a.statements().stream().map(StatementAnalysis::verdict).toList();
        assertThat(v.get(0).strongLock()).isFalse();
        assertThat(v.get(0).longRunningNonBlocking()).isTrue();
        assertThat(v.get(1).strongLock()).isTrue();
        assertThat(v.get(1).longRunningNonBlocking()).isFalse();
        assertThat(v.get(2).longRunningNonBlocking()).isTrue();
        assertThat(v.get(3).strongLock()).isFalse();

        FileAnalysis m = new Linter(MYSQL, LintOptions.DEFAULT).analyze(file(MYSQL, "V1__x.sql", """
                CREATE TABLE t (id int PRIMARY KEY, a int);
                ALTER TABLE t ADD COLUMN b int;
                CREATE INDEX t_a ON t (a);
                ALTER TABLE t MODIFY a bigint;"""), new SchemaModel());
        assertThat(m.statements().get(1).verdict().onlineAlgorithm()).contains("ALGORITHM=INSTANT");
        assertThat(m.statements().get(2).verdict().onlineAlgorithm()).contains("ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(m.statements().get(3).verdict().onlineAlgorithm()).isEmpty();
        assertThat(m.statements().get(1).verdict().strongLock()).isTrue();
    }

    @Test
    void theReadmeExamplesPassTheGateOnEveryEngine() {
        Dialect mariadb = Dialects.offline(DatabaseKind.MARIADB, ServerVersion.parse("11.4"));
        Dialect mysql84 = Dialects.offline(DatabaseKind.MYSQL, ServerVersion.parse("8.4"));
        for (Dialect d : List.of(PG, MYSQL, mysql84, mariadb)) {
            List<LintInput> inputs = LintInput.load(ProjectFiles.examples(), "examples", d.syntax());
            assertThat(inputs).hasSize(4);
            assertThat(new Linter(d, LintOptions.DEFAULT).lint(inputs).findings()).as(d.kind() + " " + d.version()).isEmpty();
        }
    }

    @Test
    void externalRunnersNeedALockTimeoutInTheFile() {
        Linter external = new Linter(PG, new LintOptions(true));
        List<LintInput> without = List.of(file(PG, "V1__a.sql", USERS), file(PG, "V2__b.sql", "ALTER TABLE users ADD COLUMN x int;"));
        assertThat(external.lint(without).findings()).extracting(Finding::code).containsExactly("PG115");
        List<LintInput> with = List.of(file(PG, "V1__a.sql", USERS),
                file(PG, "V2__b.sql", "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN x int;"));
        assertThat(external.lint(with).findings()).isEmpty();
        assertThat(new Linter(PG, LintOptions.DEFAULT).lint(without).findings()).isEmpty();
    }

    @Test
    void externalRunnersNeedALockTimeoutForEveryExistingRelationTheStatementLocks() {
        Linter external = new Linter(PG, new LintOptions(true));
        String orders = "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));";
        assertThat(external.lint(List.of(file(PG, "V1__a.sql", USERS), file(PG, "V2__b.sql", orders))).findings())
                .extracting(Finding::code, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PG115",
                        "SHARE ROW EXCLUSIVE on users is requested without lock_timeout set in the file"));
        assertThat(external.lint(List.of(file(PG, "V1__a.sql", USERS + "\n" + orders))).findings())
                .as("both tables are new").isEmpty();
        assertThat(external.lint(List.of(file(PG, "V1__a.sql", USERS),
                file(PG, "V2__b.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);"))).findings())
                .as("SHARE UPDATE EXCLUSIVE lets reads and writes go on").isEmpty();
    }

    @Test
    void whatMigrateRefusesIsAnUnsuppressibleErrorWithMigratesOwnMessage() {
        String mixed = "-- underway:allow-file UW005 reason=\"tried\"\nALTER TABLE users ADD COLUMN x int;\n"
                + "CREATE INDEX CONCURRENTLY users_x ON users (x);";
        List<Finding> found = findings(PG, USERS, mixed);
        assertThat(found).extracting(f -> f.code() + "@" + f.line() + " " + f.severity().label())
                .containsExactly("UW005@3 error");
        MigrationScript script = new MigrationScript(MigrationName.parse("V2__f.sql").orElseThrow(), "V2__f.sql", null, 0,
                new StatementSplitter(PG.syntax()).split(mixed, "V2__f.sql"));
        assertThatThrownBy(() -> ExecutionModes.of(script, PG.transactions()))
                .hasMessage("V2__f.sql:3: " + found.get(0).message().substring("migrate refuses this file: ".length()));

        assertThat(codes(PG, USERS, "BEGIN;\nALTER TABLE users ADD COLUMN x int;\nCOMMIT;")).containsExactly("UW005@V2__f.sql:1");
        assertThat(codes(PG, USERS, "ALTER TABLE users ADD COLUMN x int;\nVACUUM users;")).containsExactly("UW005@V2__f.sql:2");
        assertThat(codes(PG, USERS, "-- underway:no-transaction\nBEGIN;\nALTER TABLE users ADD COLUMN x int;\nCOMMIT;"))
                .as("with no-transaction the file manages its own transactions").isEmpty();
        assertThat(codes(MYSQL, "CREATE TABLE users (id bigint PRIMARY KEY);",
                "BEGIN;\nINSERT INTO users VALUES (1);\nCOMMIT;")).as("MySQL runs every file statement by statement").isEmpty();
        assertThat(messages(MYSQL, "SELECT 1;\n-- underway:lock-timeout=soon\nSELECT 2;")).singleElement().asString()
                .startsWith("UW005 migrate refuses this file: -- underway:lock-timeout=soon: 'soon' is not a duration");
        assertThat(codes(PG, "-- underway:lock-timeout=0s\nSELECT 1;")).containsExactly("UW005@V1__f.sql:1");
    }

    @Test
    void severitiesFollowThePolicy() {
        Linter external = new Linter(PG, new LintOptions(true));
        assertThat(findings(PG, USERS, "ALTER TABLE users ADD COLUMN x text NOT NULL;")).extracting(Finding::code,
                Finding::isError).containsExactly(org.assertj.core.groups.Tuple.tuple("PG114", true));
        assertThat(findings(PG, USERS, "ALTER TABLE users ADD CONSTRAINT c CHECK (id > 0) NOT VALID;\n"
                + "ALTER TABLE users VALIDATE CONSTRAINT c;")).extracting(Finding::code, Finding::isError)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PG106", true));
        assertThat(findings(PG, USERS, "ALTER TABLE users DETACH PARTITION users_old;")).extracting(Finding::code,
                Finding::isError).containsExactly(org.assertj.core.groups.Tuple.tuple("PG118", false));
        assertThat(external.lint(List.of(file(PG, "V1__a.sql", USERS), file(PG, "V2__b.sql",
                "ALTER TABLE users ADD COLUMN x int;"))).errors()).extracting(Finding::code).containsExactly("PG115");
        assertThat(external.lint(List.of(file(PG, "V1__a.sql", USERS), file(PG, "V2__b.sql",
                "-- underway:no-transaction\nSET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY ON users (email);")))
                .findings()).as("psql and Flyway build an unnamed index concurrently").isEmpty();
    }

    @Test
    void droppingADatabaseIsAnErrorOnBothEngines() {
        assertThat(codes(PG, "-- underway:no-transaction\nDROP DATABASE IF EXISTS old_app;")).containsExactly("UW016@V1__f.sql:2");
        assertThat(codes(MYSQL, "DROP DATABASE old_app;\nDROP SCHEMA IF EXISTS older_app;"))
                .containsExactly("UW016@V1__f.sql:1", "UW016@V1__f.sql:2");
    }

    @Test
    void anArrayLiteralsCommaDoesNotSplitTheAlterTable() {
        assertThat(messages(PG, USERS, "ALTER TABLE users ADD COLUMN tags text[] DEFAULT array['foo', 'bar'],"
                + " ADD COLUMN n int DEFAULT (1 + 2);")).isEmpty();
    }
}
