package dev.underway.exec;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.AppliedMigration;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.underway.exec.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users whose privileges end at their own database, on the embedded MariaDB that checks grants: the default
 * state location needs nothing outside it, and what is missing is named before anything changes.
 */
class MariaDbPrivilegesIT {
    @TempDir
    Path dir;
    private TestDatabase root;

    @BeforeEach
    void setUp() throws Exception {
        root = TestDatabases.mariadb();
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);");
    }

    private static Underway.Builder as(TestDatabase who) {
        return Underway.builder().url(who.url()).user(who.user()).password(who.password());
    }

    private TestDatabase user(String... grants) {
        return TestDatabases.mariadbUser(root, root.name() + "_u", grants);
    }

    @Test
    void aUserLimitedToItsOwnDatabaseMigratesWithTheDefaultStateLocation() throws Exception {
        TestDatabase app = user("ALL ON `" + root.name() + "`.*");
        assertThat(as(app).directory(dir).build().migrate().applied()).hasSize(1);
        assertThat(root.column("SELECT installed_by FROM `" + root.name() + "`.underway_history")).containsExactly(app.user());
        assertThat(as(app).directory(dir).build().validate().errors()).isEmpty();
    }

    @Test
    void aSeparateStateDatabaseTheUserCannotCreateIsNamedWithTheWayAround() throws Exception {
        TestDatabase app = user("ALL ON `" + root.name() + "`.*");
        UnderwayException e = refused(() -> as(app).directory(dir).stateSchema("underway").build()
                .migrate());
        assertThat(e.getMessage())
                .startsWith("migrate cannot run as " + app.user() + " on ")
                .contains("CREATE on database `underway`, to create database underway for Underway's table"
                        + " underway.history (GRANT CREATE ON `underway`.* TO '" + app.user() + "'@'%')")
                .contains("stateSchema(\"" + root.name() + "\").stateTablePrefix(\"underway_\")");
        assertThat(e.reason()).isEqualTo(Reason.PRIVILEGE_MISSING);
        assertThat(e.message(Audience.CLI)).contains("--state-schema " + root.name() + " --state-table-prefix underway_");
        assertThat(root.column("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + root.name() + "'"))
                .isEmpty();
    }

    @Test
    void aUserWhoCannotCreateTheStateTableIsToldBeforeAnythingRuns() throws Exception {
        TestDatabase app = user("SELECT, INSERT, UPDATE ON `" + root.name() + "`.*");
        assertThat(refused(() -> as(app).directory(dir).build().migrate()).getMessage())
                .contains("CREATE on database `" + root.name() + "`, to create table " + root.name() + ".underway_history");
    }

    @Test
    void aHistoryTheUserMayNotUpdateIsNamedAndTableGrantsCount() throws Exception {
        as(root).directory(dir).build().migrate();
        Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);");
        String history = "`" + root.name() + "`.`underway_history`";
        TestDatabase app = user("SELECT, INSERT, CREATE ON `" + root.name() + "`.*");
        assertThat(refused(() -> as(app).directory(dir).build().migrate()).getMessage())
                .contains("UPDATE on table " + history + ", for Underway's table " + root.name() + ".underway_history"
                        + " (GRANT UPDATE ON " + history + " TO '" + app.user() + "'@'%')")
                .doesNotContain("INSERT on");
        assertThat(root.column("SELECT table_name FROM information_schema.tables WHERE table_name = 'b'"
                + " AND table_schema = '" + root.name() + "'")).isEmpty();

        root.exec("GRANT UPDATE ON " + history + " TO '" + app.user() + "'@'%'");
        assertThat(as(app).directory(dir).build().migrate().applied()).extracting(AppliedMigration::label)
                .containsExactly("V2");
    }
}
