package dev.underway.op;

import dev.underway.ErrorCode;
import dev.underway.MigrateOptions;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.Action;
import dev.underway.migration.MigratePlan;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.PhasePlan;
import dev.underway.migration.PlanStep;
import dev.underway.migration.PlannedMigration;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** migrate on a directory of .sql and .yaml migrations: one plan, one migration lock for the whole run, its dry run. */
class MixedDirectoryMigrateIT {
    @TempDir
    Path dir;

    private VersionedDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = new VersionedDatabase("public_v2");
        Files.writeString(dir.resolve("V1__table.sql"), "CREATE TABLE items (id int PRIMARY KEY, qty text);"
                + " INSERT INTO items VALUES (1, '3');");
        Files.writeString(dir.resolve("V2__qty.yaml"), """
                operations:
                  - alter_column: {table: items, column: qty, type: integer, up: CAST(qty AS integer), down: qty::text}
                """);
        Files.writeString(dir.resolve("V3__after.sql"), "INSERT INTO items VALUES (2, 4);");
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    /** Who holds which advisory lock right now, as {@code classid/objid=pid}. */
    private List<String> advisoryLocks() throws SQLException {
        return rows(db.admin, "SELECT classid || '/' || objid || '=' || pid FROM pg_locks"
                + " WHERE locktype = 'advisory' AND granted ORDER BY 1");
    }

    @Test
    void oneMigrationLockIsHeldByOneSessionAcrossTheSqlToYamlToSqlBoundaries() throws Exception {
        List<String> seen = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Runnable observe = () -> {
            try {
                seen.addAll(advisoryLocks());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        Runnable concurrentMigrate = () -> {
            try {
                db.builder().directory(dir).lockWait(Duration.ofMillis(200)).build().migrate(MigrateOptions.defaults().withComplete(true));
                refused.add("it ran");
            } catch (UnderwayException e) {
                refused.add(e.code() == ErrorCode.LOCK_TIMEOUT ? "lock timeout" : e.getMessage());
            }
        };
        MigrationListener sql = new MigrationListener() {
            @Override
            public void migrationStarting(PendingMigration migration, boolean transactional) {
                observe.run();
                if (migration.label().equals("V3")) {
                    concurrentMigrate.run();
                }
            }

            @Override
            public void migrationApplied(PendingMigration migration, long millis) {
                observe.run();
                if (migration.label().equals("V1")) {
                    concurrentMigrate.run();
                }
            }
        };
        PhaseListener phases = new PhaseListener() {
            @Override
            public void actionStarting(String migration, String phase, int number, int total, String description) {
                observe.run();
                if (number == 1) {
                    concurrentMigrate.run();
                }
            }

            @Override
            public void actionFinished(String migration, String phase, int number, int total, long millis) {
                observe.run();
            }
        };
        Underway uw = db.builder().directory(dir).listener(sql).build();
        assertThat(uw.migrate(MigrateOptions.defaults().withComplete(true).withPhases(phases)).applied()).extracting(a -> a.label())
                .containsExactly("V1", "V2 start", "V2 complete", "V3");

        // The first observation (V1 starting) sees only the migration lock; the backfill's lock comes and goes.
        String migrationLock = seen.get(0);
        String key = migrationLock.substring(0, migrationLock.indexOf('='));
        assertThat(seen.stream().filter(s -> s.startsWith(key + "=")).distinct()).containsExactly(migrationLock);
        assertThat(seen.stream().filter(s -> s.startsWith(key + "="))).hasSizeGreaterThan(10);
        // At the SQL -> YAML boundary (after V1), at each phase's first action and at YAML -> SQL (V3): no other
        // migrate gets the lock.
        assertThat(refused).hasSize(4).containsOnly("lock timeout");
        assertThat(advisoryLocks()).isEmpty();
        assertThat(rows(db.admin, "SELECT sum(qty) FROM items")).containsExactly("7");
    }

    @Test
    void theDryRunListsTheYamlPhasesWithTheirActionsLocksAndTimeoutsAndChangesNothing() throws Exception {
        exec(db.admin, "CREATE TABLE items (id int PRIMARY KEY, qty text); INSERT INTO items VALUES (1, '3')");
        Files.writeString(dir.resolve("V1__table.sql"), "CREATE TABLE other (id int PRIMARY KEY);");

        MigratePlan plan = db.builder().directory(dir).build().plan(MigrateOptions.defaults().withComplete(true));
        assertThat(plan.steps()).extracting(PlanStep::script)
                .containsExactly("V1__table.sql", "V2__qty.yaml", "V2__qty.yaml", "V3__after.sql");
        assertThat(plan.migrationCount()).isEqualTo(3);
        assertThat(plan.migrations()).extracting(PlannedMigration::script).containsExactly("V1__table.sql", "V3__after.sql");
        PhasePlan start = (PhasePlan) plan.steps().get(1);
        assertThat(start.phase()).isEqualTo("start");
        assertThat(start.actions()).extracting(Action::description).anyMatch(d -> d.contains("backfill items"));
        assertThat(start.toRun()).isNotEmpty().allSatisfy(s -> assertThat(s.lock()).isNotBlank())
                .anySatisfy(s -> {
                    assertThat(s.lock()).isEqualTo("ACCESS EXCLUSIVE");
                    assertThat(s.lockTimeout()).isNotNull();
                    assertThat(s.guards()).contains("lock timeout");
                });
        PhasePlan complete = (PhasePlan) plan.steps().get(2);
        assertThat(complete.phase()).isEqualTo("complete");
        assertThat(complete.notes()).singleElement().asString().contains("once its start in this run is done");

        // Nothing changed: no state tables, no new table, no version schema, the column as it was.
        assertThat(rows(db.admin, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('underway', 'public_v2')"))
                .containsExactly("0");
        assertThat(rows(db.admin, "SELECT count(*) FROM pg_tables WHERE tablename = 'other'")).containsExactly("0");
        assertThat(db.columns("public", "items")).containsExactly("id", "qty");

        // Without complete, the run stops after the start and the plan says what waits.
        MigratePlan started = db.builder().directory(dir).build().plan(MigrateOptions.defaults());
        assertThat(started.steps()).extracting(PlanStep::script).containsExactly("V1__table.sql", "V2__qty.yaml");
        assertThat(started.waiting()).singleElement().asString().contains("V3__after.sql waits until V2 is completed");
    }

    @Test
    void aYamlStartAfterPendingSqlThatItNeedsIsListedAsPlannedWhenItRuns() throws Exception {
        MigratePlan plan = db.builder().directory(dir).build().plan(MigrateOptions.defaults());
        assertThat(plan.steps()).extracting(PlanStep::script).containsExactly("V1__table.sql", "V2__qty.yaml");
        PhasePlan start = (PhasePlan) plan.steps().get(1);
        assertThat(start.actions()).isEmpty();
        assertThat(start.notes()).singleElement().asString().contains("planned when it runs, after the 1 step(s)");
        assertThat(rows(db.admin, "SELECT count(*) FROM pg_tables WHERE tablename = 'items'")).containsExactly("0");
    }

    @Test
    void anEditedStartedYamlFileIsRefusedBeforeAnySqlMigrationOfTheRunIsApplied() throws Exception {
        Underway uw = db.builder().directory(dir).build();
        uw.migrate(MigrateOptions.defaults());
        Files.writeString(dir.resolve("V2__qty.yaml"), """
                operations:
                  - alter_column: {table: items, column: qty, type: bigint, up: CAST(qty AS bigint), down: qty::text}
                """);
        Files.writeString(dir.resolve("V1_5__more.sql"), "CREATE TABLE more (id int);");
        assertThatThrownBy(() -> db.builder().directory(dir).outOfOrder(true).build().migrate(MigrateOptions.defaults().withComplete(true)))
                .satisfies(e -> assertThat(((UnderwayException) e).code()).isEqualTo(ErrorCode.VALIDATION));
        assertThat(rows(db.admin, "SELECT count(*) FROM pg_tables WHERE tablename = 'more'")).containsExactly("0");
    }
}
