package dev.underway.exec;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.migration.AppliedMigration;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.RowChange;
import dev.underway.op.YamlMigration;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.underway.exec.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real roles that lack one privilege each: the command names what is missing, on which object, what for and
 * how to grant it, exits 2 and changes nothing. The role {@code <db>_app} owns schema {@code app} and nothing
 * else, as an application's role often does.
 */
class PostgresPrivilegesIT {

    @TempDir
    Path dir;
    private TestDatabase admin;
    private TestDatabase app;
    private String role;

    @BeforeEach
    void setUp() throws Exception {
        admin = TestDatabases.postgres();
        role = admin.name() + "_app";
        admin.exec("CREATE ROLE " + role + " LOGIN", "CREATE SCHEMA app AUTHORIZATION " + role);
        // The embedded server trusts local connections: the role logs in without a password.
        app = new TestDatabase(admin.engine(), admin.url().replaceFirst("\\?.*$", ""), role, "", admin.name());
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id int PRIMARY KEY, email text);");
    }

    /** With the state tables inside schema app, prefixed underway_. */
    private Underway.Builder inApp(TestDatabase who) {
        return as(who).stateSchema("app").stateTablePrefix("underway_");
    }

    private Underway.Builder as(TestDatabase who) {
        return Underway.builder().url(who.url()).user(who.user()).password(who.password()).schema("app").directory(dir);
    }

    @Test
    void aRoleThatOwnsOnlyItsSchemaIsToldThatTheStateSchemaNeedsCreateOnTheDatabase() throws Exception {
        UnderwayException e = refused(() -> as(app).build().migrate());
        assertThat(e.getMessage())
                .startsWith("migrate cannot run as " + role + " on ")
                .contains("nothing was changed")
                .contains("CREATE on database " + admin.name() + ", to create schema underway for Underway's table"
                        + " underway.history (GRANT CREATE ON DATABASE \"" + admin.name() + "\" TO \"" + role + "\")")
                .contains("stateSchema(\"app\").stateTablePrefix(\"underway_\")");
        assertThat(e.reason()).isEqualTo(Reason.PRIVILEGE_MISSING);
        assertThat(e.message(Audience.CLI)).contains("--state-schema app --state-table-prefix underway_");
        assertThat(admin.column("SELECT nspname FROM pg_namespace WHERE nspname = 'underway'")).isEmpty();
        assertThat(admin.column("SELECT tablename FROM pg_tables WHERE schemaname = 'app'")).isEmpty();

        // What the message says works: the state in the role's own schema.
        inApp(app).build().migrate();
        assertThat(admin.column("SELECT version FROM app.underway_history")).containsExactly("1");
    }

    @Test
    void aStateTableTheRoleMayOnlyReadIsNamedWithTheRightsItLacks() throws Exception {
        as(admin).build().migrate();
        admin.exec("GRANT USAGE ON SCHEMA underway TO " + role, "GRANT SELECT ON underway.history TO " + role);
        Files.writeString(dir.resolve("V2__more.sql"), "CREATE TABLE more (id int);");
        UnderwayException e = refused(() -> as(app).build().migrate());
        assertThat(e.getMessage())
                .contains("INSERT on table underway.history, for Underway's table underway.history (GRANT INSERT ON"
                        + " \"underway\".\"history\" TO \"" + role + "\")")
                .contains("UPDATE on table underway.history")
                .doesNotContain("SELECT on table");
        assertThat(admin.column("SELECT tablename FROM pg_tables WHERE tablename = 'more'")).isEmpty();

        // INSERT, UPDATE and SELECT are all it takes: the history's identity column needs no sequence privilege.
        admin.exec("GRANT INSERT, UPDATE ON underway.history TO " + role);
        assertThat(as(app).build().migrate().applied()).extracting(AppliedMigration::label).containsExactly("V2");
    }

    @Test
    void aStateSchemaTheRoleCannotCreateTablesInIsNamed() throws Exception {
        admin.exec("CREATE SCHEMA underway", "GRANT USAGE ON SCHEMA underway TO " + role);
        assertThat(refused(() -> as(app).build().migrate()).getMessage())
                .contains("CREATE on schema underway, to create table underway.history (GRANT CREATE ON SCHEMA"
                        + " \"underway\" TO \"" + role + "\")");
    }

    @Test
    void aMissingTargetSchemaNeedsCreateOnTheDatabase() throws Exception {
        UnderwayException e = refused(() -> inApp(app).schema("tenant").build().migrate());
        assertThat(e.getMessage()).contains("CREATE on database " + admin.name() + ", to create the target schema tenant");
        assertThat(admin.column("SELECT nspname FROM pg_namespace WHERE nspname = 'tenant'")).isEmpty();
    }

    @Test
    void repairNeedsDeleteOnTheHistory() throws Exception {
        as(admin).build().migrate();
        admin.exec("GRANT USAGE ON SCHEMA underway TO " + role, "GRANT SELECT, UPDATE ON underway.history TO " + role);
        assertThat(refused(() -> as(app).build().repair()).getMessage())
                .startsWith("repair cannot run as " + role)
                .contains("DELETE on table underway.history");
    }

    @Test
    void backfillNeedsUpdateOnItsTable() throws Exception {
        inApp(admin).build().migrate();
        admin.exec("GRANT SELECT ON app.users TO " + role, "GRANT ALL ON app.underway_history TO " + role);
        assertThatThrownBy(() -> inApp(app).build().backfill(BackfillRequest.builder("users").schema("app")
                .change(RowChange.touch()).build(), null))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.PRIVILEGE_MISSING))
                .hasMessageStartingWith("backfill cannot run as " + role)
                .hasMessageContaining("UPDATE on table app.users, to change its rows");
        assertThat(admin.column("SELECT tablename FROM pg_tables WHERE tablename = 'underway_backfills'")).isEmpty();
    }

    private static final String ADD_TIER = """
            operations:
              - add_column: {table: users, up: "'free'", column: {name: tier, type: text, nullable: true}}
            """;

    @Test
    void startWithoutCreateOnTheDatabaseIsRefusedBeforeItAddsAnything() throws Exception {
        inApp(app).build().migrate();
        app.exec("INSERT INTO app.users VALUES (1, 'a@x')");
        UnderwayException e = refused(() -> inApp(app).build().expandContract(null, null)
                .start(YamlMigration.parse("V2__tier.yaml", ADD_TIER)));
        assertThat(e.getMessage())
                .startsWith("start cannot run as " + role)
                .contains("CREATE on database " + admin.name() + ", to create the version schema app_v2")
                .doesNotContain("--state-schema");
        assertThat(admin.column("SELECT column_name FROM information_schema.columns WHERE table_schema = 'app'"
                + " AND table_name = 'users' ORDER BY ordinal_position")).containsExactly("id", "email");
        assertThat(admin.column("SELECT tgname FROM pg_trigger WHERE tgrelid = 'app.users'::regclass")).isEmpty();
        assertThat(admin.column("SELECT tablename FROM pg_tables WHERE schemaname = 'app' AND tablename LIKE"
                + " 'underway\\_%' ORDER BY 1")).containsExactly("underway_history");

        admin.exec("GRANT CREATE ON DATABASE " + admin.name() + " TO " + role);
        inApp(app).build().expandContract(null, null).start(YamlMigration.parse("V2__tier.yaml", ADD_TIER));
        assertThat(admin.column("SELECT tier FROM app.users")).containsExactly("free");
    }

    @Test
    void startOnATableTheRoleDoesNotOwnNamesItsOwner() throws Exception {
        inApp(admin).build().migrate();
        admin.exec("GRANT CREATE ON DATABASE " + admin.name() + " TO " + role,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON app.users TO " + role,
                "GRANT ALL ON app.underway_history TO " + role);
        UnderwayException e = refused(() -> inApp(app).build().expandContract(null, null)
                .start(YamlMigration.parse("V2__tier.yaml", ADD_TIER)));
        assertThat(e.getMessage()).contains("ownership of table app.users (owned by postgres), to start V2__tier.yaml,"
                + " which changes it (ALTER TABLE \"app\".\"users\" OWNER TO \"" + role + "\", or GRANT \"postgres\" TO \""
                + role + "\")");
        assertThat(admin.column("SELECT nspname FROM pg_namespace WHERE nspname = 'app_v2'")).isEmpty();
    }
}
