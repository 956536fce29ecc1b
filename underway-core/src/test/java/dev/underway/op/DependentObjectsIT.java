package dev.underway.op;

import dev.underway.Phases;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.one;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Views, materialized views, rules and SQL-bodied functions over what complete drops: re-created
 * in the contract, bound to the new column, exactly as they were; or refused at start (and at
 * complete and rollback) before anything changes, naming them.
 */
class DependentObjectsIT {
    /** examples/ of the repository, V1 to V3 and the repeatable view. */
    private static final String EXAMPLES = """
            CREATE TABLE users (id bigint NOT NULL PRIMARY KEY, email varchar(255) NOT NULL,
                                created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);
            CREATE UNIQUE INDEX users_email_key ON users (email);
            INSERT INTO users (id, email) VALUES (1, 'ada@example.com'), (2, 'grace@example.com');
            CREATE TABLE posts (id bigint NOT NULL PRIMARY KEY, user_id bigint NOT NULL, title varchar(200) NOT NULL,
                                CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id));
            INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'Notes'), (2, 1, 'Bernoulli'), (3, 2, 'Compilers');
            ALTER TABLE users ADD COLUMN display_name varchar(100);
            UPDATE users SET display_name = 'Ada Lovelace' WHERE id = 1;
            CREATE OR REPLACE VIEW user_summary AS
            SELECT u.id, u.email, coalesce(u.display_name, u.email) AS shown_as, count(p.id) AS posts
            FROM users u LEFT JOIN posts p ON p.user_id = u.id GROUP BY u.id, u.email, u.display_name;
            """;
    /** The README's own alter_column example. */
    private static final String README_EMAIL = """
            operations:
              - alter_column:
                  table: users
                  column: email
                  name: email_address
                  type: varchar(320)
                  nullable: false
                  up: coalesce(email, 'unknown@example.com')
                  down: email_address
            """;

    private VersionedDatabase db;
    private String reader;
    private String owner;

    @BeforeEach
    void setUp() throws SQLException {
        db = new VersionedDatabase("public_v4");
        reader = "reader_" + db.db.name();
        owner = "reports_" + db.db.name();
        exec(db.admin, EXAMPLES);
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    private static YamlMigration yaml(String name, String text) {
        return YamlMigration.parse(name, text);
    }

    @Test
    void theReadmeExampleOnTheExamplesDirectoryCompletesAndEveryDependentIsReCreatedAsItWas() throws SQLException {
        exec(db.admin, """
                CREATE ROLE %1$s NOLOGIN; CREATE ROLE %2$s NOLOGIN;
                ALTER VIEW user_summary SET (security_barrier = true);
                COMMENT ON VIEW user_summary IS 'one line per user';
                COMMENT ON COLUMN user_summary.shown_as IS 'display name or email';
                GRANT SELECT ON user_summary TO %1$s, %2$s;
                CREATE VIEW busy_users AS SELECT id, email FROM user_summary WHERE posts > 1;
                ALTER VIEW busy_users OWNER TO %2$s;
                CREATE VIEW ada AS SELECT id, email FROM users WHERE id = 1 WITH LOCAL CHECK OPTION;
                ALTER VIEW ada ALTER COLUMN email SET DEFAULT 'ada@example.net';
                GRANT UPDATE (email) ON ada TO %1$s;
                CREATE FUNCTION read_only() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE 'read only'; END$$;
                CREATE TRIGGER summary_read_only INSTEAD OF INSERT ON user_summary
                    FOR EACH ROW EXECUTE FUNCTION read_only();
                CREATE MATERIALIZED VIEW email_domains AS
                    SELECT split_part(email, '@', 2) AS domain, count(*) AS users FROM users GROUP BY 1;
                CREATE UNIQUE INDEX email_domains_domain ON email_domains (domain);
                CREATE MATERIALIZED VIEW emails_later AS SELECT email FROM users WITH NO DATA;
                CREATE TABLE signups (email text);
                CREATE RULE log_signup AS ON INSERT TO users DO ALSO INSERT INTO signups VALUES (NEW.email);
                """.formatted(reader, owner));
        // BEGIN ATOMIC bodies hold semicolons the driver would split at: a statement of its own.
        exec(db.admin, "CREATE FUNCTION email_of(uid bigint) RETURNS text LANGUAGE sql STABLE"
                + " BEGIN ATOMIC SELECT email FROM users WHERE id = uid; END");
        exec(db.admin, "REVOKE EXECUTE ON FUNCTION email_of(bigint) FROM PUBLIC;"
                + " GRANT EXECUTE ON FUNCTION email_of(bigint) TO " + reader);
        Phases ec = db.expandContract();
        YamlMigration m = yaml("V4__email.yaml", README_EMAIL);
        assertThat(ec.planStart(m).notes()).anySatisfy(n -> assertThat(n).contains("complete re-creates view"
                + " public.user_summary (it depends on column users.email"))
                .anySatisfy(n -> assertThat(n).contains("view public.busy_users (it depends on view public.user_summary"))
                .anySatisfy(n -> assertThat(n).contains("materialized view public.email_domains"))
                .anySatisfy(n -> assertThat(n).contains("function public.email_of(bigint)"))
                .anySatisfy(n -> assertThat(n).contains("rule log_signup on table public.users"));

        ec.start(m);
        exec(db.next, "INSERT INTO users (id, email_address) VALUES (3, 'hedy@example.org')");
        assertThat(rows(db.old, "SELECT email FROM user_summary ORDER BY id"))
                .containsExactly("ada@example.com", "grace@example.com", "hedy@example.org");
        assertThat(ec.planComplete(null).notes()).hasSize(7);

        ec.complete(null);
        assertThat(db.columns("public", "users")).containsExactly("id", "created_at", "display_name", "email_address");
        exec(db.next, "INSERT INTO users (id, email_address) VALUES (4, 'joan@example.org')");
        assertThat(rows(db.next, "SELECT id || ' ' || email || ' ' || shown_as || ' ' || posts FROM public.user_summary"
                + " ORDER BY id")).containsExactly("1 ada@example.com Ada Lovelace 2", "2 grace@example.com"
                + " grace@example.com 1", "3 hedy@example.org hedy@example.org 0", "4 joan@example.org joan@example.org 0");
        assertThat(one(db.admin, "SELECT pg_get_viewdef('public.user_summary'::regclass)")).contains("u.email_address AS email");
        assertThat(one(db.admin, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid ="
                + " 'public.user_summary'::regclass AND attname = 'email'")).isEqualTo("character varying(320)");
        assertThat(rows(db.admin, "SELECT array_to_string(reloptions, ',') || ' ' || obj_description(oid, 'pg_class')"
                + " || ' ' || col_description(oid, 3) FROM pg_class WHERE oid = 'public.user_summary'::regclass"))
                .containsExactly("security_barrier=true one line per user display name or email");
        assertThat(one(db.admin, "SELECT has_table_privilege('" + reader + "', 'public.user_summary', 'SELECT')"))
                .isEqualTo("t");
        assertThat(rows(db.next, "SELECT email FROM public.busy_users")).containsExactly("ada@example.com");
        assertThat(one(db.admin, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.busy_users'::regclass"))
                .isEqualTo(owner);
        assertThat(one(db.admin, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'public.ada'::regclass"))
                .isEqualTo("check_option=local");
        assertThat(rows(db.admin, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid ="
                + " 'public.ada'::regclass")).containsExactly("'ada@example.net'::character varying");
        assertThat(one(db.admin, "SELECT has_column_privilege('" + reader + "', 'public.ada', 'email', 'UPDATE')"))
                .isEqualTo("t");
        assertThatThrownBy(() -> exec(db.admin, "INSERT INTO public.user_summary (id) VALUES (9)"))
                .hasMessageContaining("read only");
        assertThatThrownBy(() -> exec(db.admin, "INSERT INTO public.ada VALUES (9, 'x@y')"))
                .hasMessageContaining("violates check option for view \"ada\"");
        // The materialized view was re-created with its data (as of the contract) and its index; the empty one stays empty.
        assertThat(rows(db.admin, "SELECT domain || ' ' || users FROM public.email_domains ORDER BY domain"))
                .containsExactly("example.com 2", "example.org 1");
        assertThat(one(db.admin, "SELECT count(*) FROM pg_indexes WHERE indexname = 'email_domains_domain'")).isEqualTo("1");
        assertThat(one(db.admin, "SELECT relispopulated FROM pg_class WHERE oid = 'public.emails_later'::regclass"))
                .isEqualTo("f");
        assertThat(one(db.next, "SELECT public.email_of(4)")).isEqualTo("joan@example.org");
        assertThat(rows(db.admin, "SELECT has_function_privilege('" + reader + "', 'public.email_of(bigint)', 'EXECUTE')"
                + " || ' ' || has_function_privilege('public', 'public.email_of(bigint)', 'EXECUTE')"))
                .containsExactly("true false");
        // A rule sees the statement's values, not what the sync trigger computes: hedy's insert (before complete,
        // through the new version) gave it no email. After complete it reads the new column.
        assertThat(rows(db.admin, "SELECT email FROM signups ORDER BY email NULLS FIRST")).containsExactly("null",
                "joan@example.org");
        assertThat(ec.complete(null).alreadyDone()).startsWith("V4 is already completed");
    }

    @Test
    void aViewThatWouldNotWorkOnTheNewTypeIsRefusedAtStartBeforeAnythingChanges() throws SQLException {
        exec(db.admin, "CREATE TABLE items (id int PRIMARY KEY, qty text); INSERT INTO items VALUES (1, '12');"
                + " CREATE VIEW small_items AS SELECT id FROM items WHERE qty LIKE '1%'");
        Phases ec = db.expandContract();
        assertThatThrownBy(() -> ec.start(yaml("V4__qty.yaml", """
                operations:
                  - alter_column: {table: items, column: qty, type: integer, up: CAST(qty AS integer), down: qty::text}
                """))).satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.REFUSED_OPERATION))
                .hasMessageContaining("V4 (V4__qty.yaml) is refused; nothing was changed: complete re-creates view"
                        + " public.small_items on the new columns, and the database refuses that")
                .hasMessageContaining("operator does not exist: integer ~~ text");
        assertThat(ec.status()).isEmpty();
        assertThat(db.columns("public", "items")).containsExactly("id", "qty");
        assertThat(rows(db.old, "SELECT id FROM small_items")).containsExactly("1");
    }

    @Test
    void whatCompleteDropsForGoodOrCannotReCreateIsRefusedAtStartNamingIt() throws SQLException {
        exec(db.admin, "CREATE TABLE audit (id int PRIMARY KEY, note text);"
                + " CREATE VIEW recent_audit AS SELECT count(*) AS n FROM audit");
        Phases ec = db.expandContract();
        assertThatThrownBy(() -> ec.planStart(yaml("V4__drop.yaml",
                "operations:\n  - drop_column: {table: users, column: display_name}\n")))
                .hasMessageContaining("view public.user_summary depends on column users.display_name, which complete"
                        + " drops (drop_column users.display_name). Change or drop it first (in an SQL migration before this one),"
                        + " then run start again");
        assertThatThrownBy(() -> ec.start(yaml("V4__drop.yaml", "operations:\n  - drop_table: {name: audit}\n")))
                .hasMessageContaining("view public.recent_audit depends on table public.audit, which complete drops"
                        + " (drop_table audit)");
        exec(db.admin, "CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                + " CREATE TRIGGER email_changed BEFORE UPDATE OF email ON users FOR EACH ROW EXECUTE FUNCTION noop()");
        assertThatThrownBy(() -> ec.start(yaml("V4__email.yaml", README_EMAIL)))
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.REFUSED_OPERATION))
                .hasMessageContaining("trigger email_changed on table public.users depends on column users.email,"
                        + " which complete replaces by its new shape, and Underway re-creates views, materialized views,"
                        + " rules and SQL-bodied functions, not this kind of object");
        assertThat(ec.status()).isEmpty();
        assertThat(db.columns("public", "users")).containsExactly("id", "email", "created_at", "display_name");
    }

    @Test
    void aViewOwnedByARoleUnderwayIsNotAMemberOfIsRefusedAtStart() throws SQLException {
        String app = "app_" + db.db.name();
        exec(db.admin, "CREATE ROLE " + owner + " NOLOGIN; CREATE ROLE " + app + " LOGIN;"
                + " ALTER DATABASE " + db.db.name() + " OWNER TO " + app + "; ALTER SCHEMA public OWNER TO " + app + ";"
                + " ALTER TABLE users OWNER TO " + app + "; ALTER TABLE posts OWNER TO " + app + ";"
                + " GRANT SELECT ON users, posts TO " + owner + "; ALTER VIEW user_summary OWNER TO " + owner);
        Phases ec = dev.underway.Underway.builder().url(db.db.url().replaceFirst("\\?.*$", "")).user(app).password("").build()
                .expandContract(null, null);
        assertThatThrownBy(() -> ec.start(yaml("V4__email.yaml", README_EMAIL)))
                .hasMessageContaining("view public.user_summary depends on column users.email, which complete replaces"
                        + " by its new shape, and it is owned by role " + owner + ", and Underway's role " + app
                        + " is not a member of it");
        assertThat(db.columns("public", "users")).containsExactly("id", "email", "created_at", "display_name");
    }

    @Test
    void renamesKeepTheirDependentsWithoutReCreatingThem() throws SQLException {
        String before = one(db.admin, "SELECT oid FROM pg_class WHERE relname = 'user_summary'");
        Phases ec = db.expandContract();
        YamlMigration m = yaml("V4__names.yaml", """
                operations:
                  - rename_column: {table: users, from: email, to: mail}
                  - rename_table: {from: users, to: accounts}
                """);
        String follows = ": it follows the rename by itself (PostgreSQL refers to what it reads by identity, not by name)";
        assertThat(ec.planStart(m).notes()).containsExactly(
                "view public.user_summary depends on column users.email, which complete renames to mail" + follows,
                "constraint posts_user_fk on table public.posts depends on table public.users, which complete renames to"
                        + " accounts" + follows,
                "view public.user_summary depends on table public.users, which complete renames to accounts" + follows);
        ec.start(m);
        ec.complete(null);
        assertThat(one(db.admin, "SELECT oid FROM pg_class WHERE relname = 'user_summary'")).isEqualTo(before);
        assertThat(one(db.admin, "SELECT pg_get_viewdef('user_summary'::regclass)")).contains("u.mail AS email")
                .contains("FROM (accounts u");
        assertThat(rows(db.admin, "SELECT email FROM user_summary ORDER BY id")).containsExactly("ada@example.com",
                "grace@example.com");
    }

    @Test
    void completeReCreatesWhatWasCreatedDuringTheMigrationAndRefusesWhatItCannot() throws SQLException {
        Phases ec = db.expandContract();
        ec.start(yaml("V4__email.yaml", README_EMAIL));
        exec(db.admin, "CREATE VIEW gmail AS SELECT id FROM users WHERE email LIKE '%@gmail.com';"
                + " CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                + " CREATE TRIGGER email_changed BEFORE UPDATE OF email ON users FOR EACH ROW EXECUTE FUNCTION noop()");
        assertThatThrownBy(() -> ec.complete(null)).hasMessageContaining("complete of V4 is refused; nothing was changed:"
                + " trigger email_changed on table public.users depends on column users.email");
        assertThat(ec.status()).singleElement().satisfies(s -> assertThat(s.phase()).isEqualTo(FlightPhase.STARTED));
        exec(db.admin, "DROP TRIGGER email_changed ON users");
        ec.complete(null);
        exec(db.next, "INSERT INTO users (id, email_address) VALUES (5, 'x@gmail.com')");
        assertThat(rows(db.admin, "SELECT id FROM gmail")).containsExactly("5");
    }

    /** Changes a dependent from another session just before the contract's first statement. */
    private static final class ChangesTheViewFirst implements MigrationListener {
        final Connection other;
        final AtomicBoolean done = new AtomicBoolean();

        ChangesTheViewFirst(Connection other) {
            this.other = other;
        }

        @Override
        public void beforeStatement(PendingMigration m, SqlStatement s, Connection session) {
            if (s.sql().startsWith("DO ") && done.compareAndSet(false, true)) {
                try {
                    exec(other, "CREATE OR REPLACE VIEW user_summary AS SELECT u.id, u.email,"
                            + " coalesce(u.display_name, u.email) AS shown_as, 0::bigint AS posts FROM users u");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void aDependentChangedAfterCompleteReadItIsNeverOverwrittenWithTheOldDefinition() throws SQLException {
        db.expandContract().start(yaml("V4__email.yaml", README_EMAIL));
        ChangesTheViewFirst change = new ChangesTheViewFirst(db.admin);
        Phases ec = db.builder().listener(change).build().expandContract(null, null);
        assertThatThrownBy(() -> ec.complete(null)).hasMessageContaining("objects that depend on what complete drops"
                + " changed since complete read them (view public.user_summary); nothing was changed: run complete again");
        assertThat(db.columns("public", "users")).contains("email", "_uw_email");
        ec.complete(null);
        assertThat(rows(db.admin, "SELECT shown_as || ' ' || posts FROM user_summary ORDER BY id"))
                .containsExactly("Ada Lovelace 0", "grace@example.com 0");
    }

    @Test
    void aVersionSchemaIsNeverDroppedWithCascadeOverTheUsersObjects() throws SQLException {
        Phases ec = db.expandContract();
        ec.start(yaml("V4__names.yaml", "operations:\n  - rename_column: {table: posts, from: title, to: headline}\n"));
        exec(db.admin, "CREATE VIEW headlines AS SELECT headline FROM public_v4.posts");
        assertThatThrownBy(() -> ec.rollback(null)).hasMessageContaining("rollback of V4 is refused; nothing was"
                + " changed: view public.headlines depends on version schema public_v4, which rollback drops");
        ec.complete(null);
        ec.start(yaml("V5__names.yaml", "operations:\n  - rename_column: {table: posts, from: headline, to: head}\n"));
        assertThatThrownBy(() -> ec.complete(null)).hasMessageContaining("complete of V5 is refused; nothing was"
                + " changed: view public.headlines depends on version schema public_v4, which complete drops (the old"
                + " version's schema)");
        exec(db.admin, "DROP VIEW headlines");
        ec.complete(null);
        assertThat(db.schemaExists("public_v4")).isFalse();
    }

    @Test
    void rollbackRefusesBeforeAnythingWhenAnObjectDependsOnWhatStartAdded() throws SQLException {
        Phases ec = db.expandContract();
        ec.start(yaml("V4__nick.yaml", """
                operations:
                  - add_column: {table: users, column: {name: nickname, type: text, nullable: true}}
                """));
        exec(db.admin, "CREATE VIEW nicknames AS SELECT nickname FROM users");
        assertThatThrownBy(() -> ec.rollback(null)).hasMessageContaining("rollback of V4 is refused; nothing was"
                + " changed: view public.nicknames depends on column users.nickname, which rollback drops (start added"
                + " it). It belongs to the new version: drop it (or point it at the old version), then run rollback again");
        assertThat(ec.status()).singleElement().satisfies(s -> assertThat(s.phase()).isEqualTo(FlightPhase.STARTED));
        assertThat(db.schemaExists("public_v4")).isTrue();
        exec(db.admin, "DROP VIEW nicknames");
        ec.rollback(null);
        assertThat(db.columns("public", "users")).containsExactly("id", "email", "created_at", "display_name");
    }
}
