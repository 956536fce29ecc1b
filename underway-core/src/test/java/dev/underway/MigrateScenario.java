package dev.underway;

import dev.underway.migration.MigratePlan;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationVersion;
import dev.underway.testkit.ProjectFiles;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrate, info, validate, baseline, repair and dry-run against a real server. Written once;
 * {@code PostgresMigrateIT} and {@code MariaDbMigrateIT} run it per engine.
 */
abstract class MigrateScenario {
    @TempDir
    Path dir;
    TestDatabase db;

    abstract TestDatabase newDatabase();

    /** What a migration needs to say to run statement by statement (with resume) on this engine. */
    abstract String perStatementHeader();

    @BeforeEach
    void setUp() {
        db = newDatabase();
    }

    void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    Underway.Builder builder() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir);
    }

    Underway underway() {
        return builder().build();
    }

    long count(String sql) throws SQLException {
        return db.count(sql);
    }

    List<String> strings(String sql) throws SQLException {
        return db.column(sql);
    }

    void exec(String sql) throws SQLException {
        db.exec(sql);
    }

    String targetSchema() {
        return db.isPostgres() ? "public" : db.name();
    }

    long historyRows(String version) throws SQLException {
        return count("SELECT count(*) FROM " + db.stateTable("history") + " WHERE target_schema = '" + targetSchema() + "' AND version = '"
                + version + "' AND success");
    }

    /**
     * Migrates the splitter torture file {@code V1__torture.sql} in a directory of test resources (e.g.
     * {@code /torture/postgres}) and checks that all of its statements ran and were recorded.
     */
    void migrateTortureFile(String resourceDir, int statements) throws Exception {
        MigrateResult r = builder().directory(Path.of(getClass().getResource(resourceDir).toURI())).build().migrate();
        assertThat(r.applied()).singleElement().satisfies(a -> assertThat(a.statements()).isEqualTo(statements));
        assertThat(count("SELECT statements_done FROM " + db.stateTable("history") + " WHERE target_schema = '" + targetSchema()
                + "' AND version = '1' AND success")).isEqualTo(statements);
    }

    List<String> states() {
        return underway().info().migrations().stream()
                .map(m -> (m.version() == null ? "R" : m.version().toString()) + ":" + m.state().label()).toList();
    }

    @Test
    void appliesPendingMigrationsOnceAndRecordsThem() throws Exception {
        write("V1__create.sql", "CREATE TABLE items (id int PRIMARY KEY, name varchar(50));");
        write("V2__fill.sql", "INSERT INTO items VALUES (1, 'a');\nINSERT INTO items VALUES (2, 'b;c');");
        write("R__view.sql", "CREATE OR REPLACE VIEW item_names AS SELECT name FROM items;");

        MigrateResult first = underway().migrate();
        assertThat(first.applied()).extracting(a -> a.label()).containsExactly("V1", "V2", "R \"view\"");
        assertThat(first.currentVersion()).isEqualTo(MigrationVersion.parse("2"));
        assertThat(strings("SELECT name FROM item_names ORDER BY name")).containsExactly("a", "b;c");
        assertThat(historyRows("2")).isEqualTo(1);

        MigrateResult second = underway().migrate();
        assertThat(second.applied()).isEmpty();
        assertThat(count("SELECT count(*) FROM items")).isEqualTo(2);
        assertThat(states()).containsExactly("1:applied", "2:applied", "R:applied");
        MigrationInfo v2 = underway().info().migrations().get(1);
        assertThat(v2.installedOn()).isNotNull();
        assertThat(v2.checksum()).isNotNull();
    }

    @Test
    void badInputAnywhereInTheDirectoryAppliesNothing() throws Exception {
        write("V1__fine.sql", "CREATE TABLE fine (id int);");
        for (String[] bad : new String[][] {
                {"V2_missing_underscore.sql", "SELECT 1;", "not a valid migration name"},
                {"V2__empty.sql", "-- nothing here\n", "is empty"},
                {"V2__unterminated.sql", "SELECT 1;\nSELECT 'oops;", "V2__unterminated.sql:2: unterminated string"},
                {"V2__typo.sql", "-- underway:no-transacton\nSELECT 1;", "unknown directive"}}) {
            write(bad[0], bad[1]);
            assertThatThrownBy(() -> underway().migrate()).as(bad[0])
                    .isInstanceOf(UnderwayException.class)
                    .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BAD_FILE))
                    .hasMessageContaining(bad[2]);
            Files.delete(dir.resolve(bad[0]));
        }
        write("V2__dup.sql", "SELECT 1;");
        write("V2.0__dup_again.sql", "SELECT 1;");
        assertThatThrownBy(() -> underway().migrate()).hasMessageContaining("V2.0__dup_again.sql and V2__dup.sql have the same version");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'fine' AND table_schema = '"
                + targetSchema() + "'")).isZero();
    }

    @Test
    void targetStopsAtTheGivenVersion() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V2__b.sql", "CREATE TABLE b (id int);");
        write("V3__c.sql", "CREATE TABLE c (id int);");
        MigrateResult r = builder().target(MigrationVersion.parse("2")).build().migrate();
        assertThat(r.applied()).extracting(a -> a.label()).containsExactly("V1", "V2");
        assertThat(states()).containsExactly("1:applied", "2:applied", "3:pending");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);");
        MigratePlan plan = underway().plan();
        assertThat(plan.migrations()).hasSize(1);
        assertThat(plan.migrations().get(0).pending().script().sql().statements()).hasSize(2);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('a', 'b') AND table_schema = '"
                + targetSchema() + "'")).isZero();
        assertThat(states()).containsExactly("1:pending");
        if (db.isPostgres()) {
            // not even the state schema was created
            assertThat(count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'underway'")).isZero();
        }
    }

    @Test
    void editedAppliedFileFailsValidationAndBlocksMigrate() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        underway().migrate();
        write("V1__a.sql", "CREATE TABLE a (id bigint);");
        write("V2__b.sql", "CREATE TABLE b (id int);");
        assertThatThrownBy(() -> underway().validate())
                .isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED))
                .hasMessageContaining("V1__a.sql (V1) changed after it was applied");
        assertThatThrownBy(() -> underway().migrate())
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED));
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'b' AND table_schema = '"
                + targetSchema() + "'")).isZero();
    }

    @Test
    void missingFileAndOutOfOrderAreValidationErrors() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V3__c.sql", "CREATE TABLE c (id int);");
        underway().migrate();
        write("V2__b.sql", "CREATE TABLE b (id int);");
        assertThatThrownBy(() -> underway().migrate()).hasMessageContaining("older than the latest applied version V3");
        assertThat(builder().outOfOrder(true).build().migrate().applied()).extracting(a -> a.label()).containsExactly("V2");

        Files.delete(dir.resolve("V3__c.sql"));
        assertThatThrownBy(() -> underway().validate()).hasMessageContaining("V3 (V3__c.sql) was applied but its file is missing");
    }

    @Test
    void failedStatementByStatementMigrationResumesWhereItStopped() throws Exception {
        exec("CREATE TABLE log (n int)");
        String header = perStatementHeader();
        write("V1__steps.sql", header + "INSERT INTO log VALUES (1);\nINSERT INTO log VALUES (2);\n"
                + "INSERT INTO no_such_table VALUES (3);\nINSERT INTO log VALUES (4);");
        assertThatThrownBy(() -> underway().migrate())
                .isInstanceOf(UnderwayException.class)
                .hasMessageContaining("V1__steps.sql:" + (lineCount(header) + 3) + ":")
                .hasMessageContaining("2 of 4 statements of V1 are applied and recorded")
                .hasMessageContaining("resumes at statement 3");
        assertThat(states()).containsExactly("1:failed");

        write("V1__steps.sql", header + "INSERT INTO log VALUES (1);\nINSERT INTO log VALUES (2);\n"
                + "INSERT INTO log VALUES (3);\nINSERT INTO log VALUES (4);");
        MigrateResult r = underway().migrate();
        assertThat(r.applied()).singleElement().satisfies(a -> {
            assertThat(a.resumedAt()).isEqualTo(2);
            assertThat(a.statements()).isEqualTo(2);
        });
        assertThat(strings("SELECT n FROM log ORDER BY n")).containsExactly("1", "2", "3", "4");
        assertThat(states()).containsExactly("1:applied");
        assertThat(underway().validate().errors()).isEmpty();
    }

    @Test
    void editingAnAlreadyExecutedStatementOfAFailedMigrationIsRefused() throws Exception {
        exec("CREATE TABLE log (n int)");
        String header = perStatementHeader();
        write("V1__steps.sql", header + "INSERT INTO log VALUES (1);\nINSERT INTO nope VALUES (2);");
        assertThatThrownBy(() -> underway().migrate()).isInstanceOf(UnderwayException.class);
        write("V1__steps.sql", header + "INSERT INTO log VALUES (100);\nINSERT INTO log VALUES (2);");
        assertThatThrownBy(() -> underway().migrate())
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED))
                .hasMessageContaining("V1__steps.sql (V1) failed after 1 statement, and one of those already executed"
                        + " (statement 1, now at line " + (lineCount(header) + 1) + ") has been edited since");
        assertThat(strings("SELECT n FROM log")).containsExactly("1");

        // repair forgets the failed attempt; the fixed file then runs from its first statement
        assertThat(underway().repair().removedFailed()).hasSize(1);
        underway().migrate();
        assertThat(strings("SELECT n FROM log ORDER BY n")).containsExactly("1", "2", "100");
    }

    @Test
    void repeatableMigrationRunsAgainWhenChanged() throws Exception {
        exec("CREATE TABLE log (n int)");
        write("R__log.sql", "INSERT INTO log VALUES (1);");
        underway().migrate();
        underway().migrate();
        assertThat(count("SELECT count(*) FROM log")).isEqualTo(1);
        write("R__log.sql", "INSERT INTO log VALUES (2);");
        assertThat(states()).containsExactly("R:outdated");
        underway().migrate();
        assertThat(strings("SELECT n FROM log ORDER BY n")).containsExactly("1", "2");
        assertThat(states()).containsExactly("R:applied");
    }

    @Test
    void baselineSkipsOlderMigrationsAndRefusesAMigratedDatabase() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V2__b.sql", "CREATE TABLE b (id int);");
        write("V3__c.sql", "CREATE TABLE c (id int);");
        underway().baseline(MigrationVersion.parse("2"), null);
        assertThat(underway().migrate().applied()).extracting(a -> a.label()).containsExactly("V3");
        assertThat(states()).containsExactly("1:ignored", "2:applied", "3:applied");
        assertThatThrownBy(() -> underway().baseline(MigrationVersion.parse("5"), null))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.HISTORY_MISMATCH))
                .hasMessageContaining("already has 2 row(s)");
    }

    @Test
    void repairAcceptsEditedChecksumsAndForgetsMissingFiles() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        write("V2__b.sql", "CREATE TABLE b (id int);");
        underway().migrate();
        write("V1__a.sql", "-- a harmless comment\nCREATE TABLE a (id int);");
        Files.delete(dir.resolve("V2__b.sql"));
        assertThat(underway().info().errors()).hasSize(2);
        var r = underway().repair();
        assertThat(r.realigned()).containsExactly("V1 (V1__a.sql)");
        assertThat(r.removedMissing()).containsExactly("V2 (V2__b.sql)");
        assertThat(underway().validate().errors()).isEmpty();
        assertThat(underway().repair().changedNothing()).isTrue();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentRunnersApplyEveryMigrationExactlyOnce() throws Exception {
        exec("CREATE TABLE runs (migration int)");
        for (int i = 1; i <= 12; i++) {
            write("V" + i + "__m" + i + ".sql", "CREATE TABLE t" + i + " (id int);\nINSERT INTO runs VALUES (" + i + ");");
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<MigrateResult> run = () -> underway().migrate();
                results.add(pool.submit(run));
            }
            int applied = 0;
            for (Future<MigrateResult> f : results) {
                applied += f.get().applied().size();
            }
            assertThat(applied).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM runs")).isEqualTo(12);
        assertThat(count("SELECT count(DISTINCT migration) FROM runs")).isEqualTo(12);
        assertThat(count("SELECT count(*) FROM " + db.stateTable("history") + " WHERE target_schema = '" + targetSchema() + "'")).isEqualTo(12);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void waitingForTheLockTimesOutNamingTheHolder() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        Underway uw = builder().lockWait(Duration.ofMillis(700)).build();
        String lockName = "underway:" + (db.isPostgres() ? "underway.history" : db.name() + ".underway_history") + ":"
                + targetSchema();
        try (Connection holder = db.connect()) {
            holdLock(holder, lockName);
            assertThatThrownBy(uw::migrate)
                    .isInstanceOf(UnderwayException.class)
                    .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.LOCK_NOT_ACQUIRED))
                    .hasMessageContaining("could not get the migration lock")
                    .hasMessageContaining("within 700ms")
                    .hasMessageMatching("(?s).*another session \\((pid|connection) \\d+.*");
        }
        assertThat(uw.migrate().applied()).hasSize(1);
    }

    /** Takes the migration lock the way Underway does, from a test connection. */
    private void holdLock(Connection c, String lockName) throws SQLException {
        var kind = dev.underway.dialect.DatabaseKind.fromUrl(db.url());
        assertThat(dev.underway.dialect.Dialects.detect(c, kind).sessionLocks().tryLock(c, lockName)).isTrue();
    }

    @Test
    void separateTargetSchemasKeepSeparateHistories() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        String other = db.isPostgres() ? "tenant_b" : db.name() + "_b";
        underway().migrate();
        MigrateResult r = builder().schema(other).build().migrate();
        assertThat(r.targetSchema()).isEqualTo(other);
        assertThat(r.applied()).hasSize(1);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'a' AND table_schema IN ('"
                + targetSchema() + "', '" + other + "')")).isEqualTo(2);
        if (db.isPostgres()) {
            // One state schema for both, rows per target.
            assertThat(strings("SELECT target_schema FROM underway.history WHERE target_schema IN ('" + targetSchema()
                    + "', '" + other + "')")).containsExactlyInAnyOrder(targetSchema(), other);
        } else {
            // Each database holds its own history, so it goes when the database goes.
            assertThat(strings("SELECT target_schema FROM " + db.stateTable("history"))).containsExactly(targetSchema());
            assertThat(strings("SELECT target_schema FROM `" + other + "`.underway_history")).containsExactly(other);
        }
    }

    @Test
    void stateTablesCanLiveInTheTargetSchemaWithAPrefix() throws Exception {
        write("V1__a.sql", "CREATE TABLE a (id int);");
        builder().stateSchema(targetSchema()).stateTablePrefix("underway_").build().migrate();
        assertThat(count("SELECT count(*) FROM " + targetSchema() + ".underway_history")).isEqualTo(1);
        assertThat(builder().stateSchema(targetSchema()).stateTablePrefix("underway_").build().info().migrations())
                .extracting(m -> m.state().label()).containsExactly("applied");
    }

    @Test
    void theReadmeExamplesApplyUnchanged() throws Exception {
        MigrateResult r = builder().directory(ProjectFiles.examples()).build().migrate();
        assertThat(r.applied()).extracting(a -> a.label())
                .containsExactly("V1", "V2", "V3", "R \"user summary view\"");
        assertThat(r.applied()).extracting(a -> a.statements()).containsExactly(3, 3, 2, 1);
        assertThat(r.currentVersion()).isEqualTo(MigrationVersion.parse("3"));
        assertThat(strings("SELECT concat(shown_as, ':', posts) FROM user_summary ORDER BY id"))
                .containsExactly("Ada Lovelace:2", "grace@example.com:1");
        assertThat(count("SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = '"
                + targetSchema() + "' AND table_name = 'posts' AND constraint_type = 'FOREIGN KEY'")).isEqualTo(1);
        assertThat(builder().directory(ProjectFiles.examples()).build().migrate().applied()).isEmpty();
    }

    private static int lineCount(String header) {
        return (int) header.chars().filter(ch -> ch == '\n').count();
    }
}
