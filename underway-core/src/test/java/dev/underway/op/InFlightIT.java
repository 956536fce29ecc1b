package dev.underway.op;

import dev.underway.Phases;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.MigrationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.one;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Several migrations in flight, conflicts, violations found at complete, and version schemas over time. */
class InFlightIT {
    private VersionedDatabase db;

    @BeforeEach
    void setUp() throws SQLException {
        db = new VersionedDatabase("public_v2");
        exec(db.admin, """
                CREATE TABLE users (id int PRIMARY KEY, email text);
                CREATE TABLE orders (id int PRIMARY KEY, user_id int, note text);
                CREATE TABLE tags (id int PRIMARY KEY, label text);
                INSERT INTO users VALUES (1, 'a@x'), (2, NULL), (3, 'c@x');
                INSERT INTO orders VALUES (10, 1, 'n');
                """);
    }

    private static YamlMigration yaml(String name, String text) {
        return YamlMigration.parse(name, text);
    }

    private static final String USERS_EMAIL_NOT_NULL = """
            operations:
              - alter_column: {table: users, column: email, nullable: false, up: email, down: email}
            """;

    @Test
    void aViolationAtCompleteNamesTheConstraintAndRowsAndLeavesTheMigrationInFlight() throws SQLException {
        db.expandContract().start(yaml("V2__email.yaml", USERS_EMAIL_NOT_NULL));
        assertThatThrownBy(() -> db.expandContract().complete("2"))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.DATA_CHECK_FAILED))
                .hasMessageContaining("NOT NULL on users.email does not hold for existing rows")
                .hasMessageContaining("e.g. (2)")
                .hasMessageContaining("the migration stays in flight");
        assertThat(db.expandContract().status()).singleElement().satisfies(s -> {
            assertThat(s.phase()).isEqualTo(FlightPhase.COMPLETE);
            assertThat(s.actionsDone()).isZero();
            assertThat(s.message()).contains("does not hold");
        });
        // Start's state is intact: both versions work, and the new one still refuses NULL.
        exec(db.old, "INSERT INTO users VALUES (4, 'd@x')");
        assertThat(one(db.next, "SELECT email FROM users WHERE id = 4")).isEqualTo("d@x");
        assertThatThrownBy(() -> exec(db.next, "INSERT INTO users VALUES (5, NULL)")).hasMessageContaining("not_null");
        exec(db.next, "UPDATE users SET email = 'b@x' WHERE id = 2");
        db.expandContract().complete("2");
        assertThat(one(db.admin, "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass"
                + " AND attname = 'email'")).isEqualTo("t");
    }

    @Test
    void aFailedCompleteCanStillBeRolledBack() throws SQLException {
        db.expandContract().start(yaml("V2__email.yaml", USERS_EMAIL_NOT_NULL));
        assertThatThrownBy(() -> db.expandContract().complete(null)).hasMessageContaining("does not hold");
        db.expandContract().rollback(null);
        assertThat(db.expandContract().status()).isEmpty();
        assertThat(db.columns("public", "users")).containsExactly("id", "email");
    }

    @Test
    void migrationsOnDifferentTablesAreInFlightTogetherAndConflictsAreRefused() throws SQLException {
        Phases ec = db.expandContract();
        ec.start(yaml("V2__users.yaml", """
                operations:
                  - rename_column: {table: users, from: email, to: mail}
                """));
        ec.start(yaml("V3__tags.yaml", """
                operations:
                  - rename_column: {table: tags, from: label, to: name}
                """));
        assertThat(ec.status()).extracting(MigrationStatus::version).containsExactly("2", "3");
        assertThatThrownBy(() -> ec.start(yaml("V4__users.yaml", """
                operations:
                  - add_column: {table: users, column: {name: age, type: int, nullable: true}}
                """))).satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CONFLICT))
                .hasMessageContaining("V4 changes table users, which V2 (in flight, started) changes;"
                        + " complete or roll back V2 first");
        assertThatThrownBy(() -> ec.start(yaml("V4__orders.yaml", """
                operations:
                  - create_constraint:
                      table: orders
                      name: orders_user_fk
                      type: foreign_key
                      columns: [user_id]
                      references: {table: users, columns: [id]}
                """))).hasMessageContaining("V4 depends on table users, which V2 (in flight, started) changes");
        assertThatThrownBy(() -> ec.complete(null)).hasMessageContaining("several migrations are in flight (V2, V3)");
        // Each version schema shows its own change, and the other table as completed.
        assertThat(db.columns("public_v2", "users")).containsExactly("id", "mail");
        assertThat(db.columns("public_v2", "tags")).containsExactly("id", "label");
        assertThat(db.columns("public_v3", "tags")).containsExactly("id", "name");
        assertThat(db.columns("public_v3", "users")).containsExactly("id", "email");
        ec.complete("3");
        assertThat(db.columns("public_v2", "tags")).containsExactly("id", "name");
        ec.complete("V2");
        assertThat(db.columns("public_v3", "users")).containsExactly("id", "mail");
        assertThat(ec.status()).isEmpty();
    }

    @Test
    void statusGivesEachInFlightMigrationItsOwnBackfills() throws SQLException {
        exec(db.admin, "INSERT INTO tags VALUES (1, 'x'), (2, 'y')");
        Phases ec = db.expandContract();
        ec.start(yaml("V2__users.yaml", "operations:\n  - alter_column: {table: users, column: email, type: varchar(100),"
                + " up: email, down: email}\n"));
        ec.start(yaml("V3__tags.yaml", "operations:\n  - alter_column: {table: tags, column: label, type: varchar(50),"
                + " up: label, down: label}\n"));
        assertThat(ec.status()).extracting(MigrationStatus::version, s -> s.backfills().stream()
                        .map(b -> b.table() + ": " + b.status() + ", " + b.rowsDone()).toList())
                .containsExactly(tuple("2", List.of("users: done, 3")), tuple("3", List.of("tags: done, 2")));
    }

    @Test
    void theNextMigrationStartsFromTheLatestVersionSchemaAndCompleteDropsIt() throws SQLException {
        Phases ec = db.expandContract();
        ec.start(yaml("V2__users.yaml", "operations:\n  - rename_column: {table: users, from: email, to: mail}\n"));
        ec.complete(null);
        ec.start(yaml("V3__users.yaml", """
                operations:
                  - alter_column: {table: users, column: mail, type: varchar(100)}
                """));
        assertThat(ec.status()).singleElement().satisfies(s -> assertThat(s.oldSchema()).isEqualTo("public_v2"));
        exec(db.next, "INSERT INTO users VALUES (7, 'seven')");
        assertThat(rows(db.admin, "SELECT mail FROM public_v3.users WHERE id = 7")).containsExactly("seven");
        ec.complete(null);
        assertThat(db.schemaExists("public_v2")).isFalse();
        assertThat(db.schemaExists("public_v3")).isTrue();
    }

    @Test
    void startingTwiceFindsItDoneAndCompletingNothingIsRefused() throws SQLException {
        Phases ec = db.expandContract();
        assertThatThrownBy(() -> ec.complete(null)).hasMessageContaining("no declarative migration is in flight")
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.NOT_IN_FLIGHT));
        YamlMigration m = yaml("V2__users.yaml", "operations:\n  - rename_column: {table: users, from: email, to: mail}\n");
        YamlMigration edited = yaml("V2__users.yaml", "operations:\n  - rename_column: {table: users, from: email, to: m}\n");
        ec.start(m);
        assertThat(ec.start(m).alreadyDone()).startsWith("V2 is already started (on ").endsWith("; it waits for"
                + " complete or rollback");
        assertThatThrownBy(() -> ec.start(edited))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED))
                .hasMessageContaining("V2 is already in flight (started), started from a different V2__users.yaml;"
                        + " complete it or roll it back");
        ec.complete("2");
        assertThat(ec.start(m).alreadyDone()).startsWith("V2 is already started and completed (on ");
        assertThatThrownBy(() -> ec.start(edited))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED))
                .hasMessageContaining("V2__users.yaml changed since V2 was completed");
        assertThat(rows(db.admin, "SELECT type || ':' || phase || ':' || success FROM underway.history ORDER BY"
                + " installed_rank")).containsExactly("YAML:start:true", "YAML:complete:true");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void startWaitsForLocksOnlyBrieflyReportsTheBlockerAndResumesLater() throws SQLException {
        Phases ec = db.builder().lockTimeout(java.time.Duration.ofMillis(100))
                .lockRetryFor(java.time.Duration.ofSeconds(1)).build().expandContract(null, null);
        YamlMigration m = yaml("V2__email.yaml", USERS_EMAIL_NOT_NULL);
        db.old.setAutoCommit(false);
        exec(db.old, "SELECT count(*) FROM users");
        assertThatThrownBy(() -> ec.start(m))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.BLOCKED))
                .hasMessageContaining("V2__email.yaml (start) action:1: gave up on 'ALTER TABLE \"public\".\"users\" ADD COLUMN")
                .hasMessageContaining("idle in transaction");
        exec(db.old, "INSERT INTO users VALUES (9, 'i@x')");
        db.old.commit();
        db.old.setAutoCommit(true);
        assertThat(ec.status()).singleElement().satisfies(s -> assertThat(s.phase() + ":" + s.actionsDone())
                .isEqualTo("start:0"));
        assertThat(ec.start(m).resumedAt()).isZero();
        assertThat(one(db.next, "SELECT email FROM users WHERE id = 9")).isEqualTo("i@x");
    }

    /** pgroll's example 31 (nullable: true), then a NULL from the new version: rollback must leave both versions working. */
    @Test
    void aRollbackStoppedByNullsTheNewVersionWroteLeavesNothingBehindAndCompleteStillWorks() throws SQLException {
        exec(db.admin, "UPDATE users SET email = 'b@x' WHERE id = 2; ALTER TABLE users ALTER COLUMN email SET NOT NULL");
        Phases ec = db.expandContract();
        ec.start(yaml("V2__nullable.yaml", "operations:\n  - alter_column: {table: users, column: email, nullable: true}\n"));
        exec(db.next, "INSERT INTO users VALUES (5, NULL)");
        assertThatThrownBy(() -> ec.rollback(null))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.DATA_CHECK_FAILED))
                .hasMessageContaining("does not hold for existing rows, e.g. (5)")
                .hasMessageContaining("The rollback stopped at this check")
                .hasMessageContaining("It removed what its checks had added (ALTER TABLE \"public\".\"users\" DROP"
                        + " CONSTRAINT IF EXISTS \"_uw_users_email_not_null\") and set the migration back to started")
                .hasMessageContaining("both versions keep working");
        assertThat(one(db.admin, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c'"))
                .isEqualTo("0");
        // The new version still writes NULLs, the old one still works, and the migration is started again.
        exec(db.next, "INSERT INTO users VALUES (6, NULL)");
        exec(db.old, "INSERT INTO users VALUES (7, 'g@x')");
        assertThat(ec.status()).singleElement().satisfies(s -> assertThat(s.phase() + ":" + s.actionsDone())
                .isEqualTo("started:" + s.actionsTotal()));

        // Fixing the rows lets rollback restore NOT NULL...
        exec(db.next, "UPDATE users SET email = 'e@x' WHERE id IN (5, 6)");
        ec.rollback(null);
        assertThat(one(db.admin, "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass"
                + " AND attname = 'email'")).isEqualTo("t");
        assertThat(one(db.admin, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c'"))
                .isEqualTo("0");
        // ...or, after a rollback stopped the same way, complete finishes the migration.
        ec.start(yaml("V2__nullable.yaml", "operations:\n  - alter_column: {table: users, column: email, nullable: true}\n"));
        exec(db.next, "INSERT INTO users VALUES (8, NULL)");
        assertThatThrownBy(() -> ec.rollback(null)).hasMessageContaining("e.g. (8)");
        ec.complete(null);
        exec(db.next, "INSERT INTO users VALUES (9, NULL)");
        assertThat(one(db.admin, "SELECT count(*) FROM users WHERE email IS NULL")).isEqualTo("2");
    }

    /** The contract renames the table last: what comes before it still names the table as it was. */
    @Test
    void aTableRenamedWithACopiedColumnKeepsTheColumnsConstraintsUnderTheirNames() throws SQLException {
        exec(db.admin, "ALTER TABLE orders ADD CONSTRAINT note_short CHECK (length(note) < 10)");
        Phases ec = db.expandContract();
        ec.start(yaml("V2__purchases.yaml", """
                operations:
                  - rename_table: {from: orders, to: purchases}
                  - alter_column: {table: purchases, column: note, type: varchar(20), up: note, down: note}
                """));
        ec.complete(null);
        assertThat(rows(db.admin, "SELECT conname FROM pg_constraint WHERE conrelid = 'purchases'::regclass"
                + " AND contype = 'c'")).containsExactly("note_short");
        assertThat(db.columns("public", "purchases")).containsExactly("id", "user_id", "note");
    }

    @Test
    void aTypoInUpOrDownIsRefusedBeforeAnythingIsCreated() throws SQLException {
        Phases ec = db.expandContract();
        assertThatThrownBy(() -> ec.start(yaml("V2__typo.yaml", """
                operations:
                  - alter_column:
                      table: users
                      column: email
                      name: mail
                      type: varchar(50)
                      up: lower(emial)
                """))).satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.REFUSED_OPERATION))
                .hasMessageContaining("V2__typo.yaml:3: the up of users.mail (over the old version's columns id, email)"
                        + " is refused by the database")
                .hasMessageContaining("column \"emial\" does not exist");
        assertThatThrownBy(() -> ec.planStart(yaml("V2__typo.yaml", """
                operations:
                  - alter_column: {table: users, column: email, name: mail, type: varchar(50), down: upper(email)}
                """))).hasMessageContaining("the down of users.email (over the new version's columns id, mail) is refused"
                + " by the database");
        assertThat(ec.status()).isEmpty();
        assertThat(db.columns("public", "users")).containsExactly("id", "email");
        exec(db.old, "INSERT INTO users VALUES (8, 'h@x')");
    }

    @Test
    void aDefaultThatCannotTakeTheNewTypeIsRefusedBeforeAnythingIsCreated() throws SQLException {
        exec(db.admin, "ALTER TABLE users ADD COLUMN code text DEFAULT 'abc'");
        Phases ec = db.expandContract();
        assertThatThrownBy(() -> ec.start(yaml("V2__code.yaml", """
                operations:
                  - alter_column: {table: users, column: code, type: integer, up: 0, down: code::text}
                """))).hasMessageContaining("V2__code.yaml:2: the default of users.code as integer is refused by the"
                + " database").hasMessageContaining("invalid input syntax for type integer");
        assertThat(ec.status()).isEmpty();
        assertThat(db.columns("public", "users")).containsExactly("id", "email", "code");
    }
}
