package dev.underway.op;

import dev.underway.UnderwayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.underway.op.VersionedDatabase.exec;
import static dev.underway.op.VersionedDatabase.one;
import static dev.underway.op.VersionedDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pgroll's own 56 example migrations (test resources {@code pgroll-examples/}, unchanged), run in
 * their order against one database through start and complete, as pgroll runs them. Where an
 * example changes data, the old and the new application write through their versions between
 * start and complete, and what each reads is asserted. Example 35 is refused: its {@code down}
 * names {@code event_name}, a column table events never has (a leftover of a rename pgroll's file
 * no longer does), so every write of the new version would fail.
 */
class PgrollExamplesIT {
    private static final Pattern FILE = Pattern.compile("(\\d+)_(.*)\\.yaml");
    private static VersionedDatabase db;
    private static String previous = "public";
    private static final List<String> completed = new ArrayList<>();
    private static final List<String> refused = new ArrayList<>();

    /** The two applications of one example: the old one on the previous version's schema, the new one on the new one. */
    record Apps(Connection admin, Connection old, Connection next) {
    }

    interface Check {
        void check(Apps apps) throws SQLException;
    }

    /** What to do around one example; any part may be empty. */
    record Hooks(Check before, Check afterStart, Check afterComplete) {
        static Hooks start(Check c) {
            return new Hooks(a -> { }, c, a -> { });
        }

        static Hooks complete(Check c) {
            return new Hooks(a -> { }, a -> { }, c);
        }
    }

    private static final Map<Integer, Hooks> HOOKS = Map.ofEntries(
            Map.entry(1, Hooks.complete(a -> exec(a.admin(), "INSERT INTO sellers (name, zip) VALUES ('alice', 0),"
                    + " ('bob', 5), ('carol', 123)"))),
            Map.entry(2, Hooks.complete(a -> exec(a.admin(), "INSERT INTO products (name, price) VALUES ('apple', 1),"
                    + " ('fig', 2)"))),
            // add_column with up: recomputed whenever the old version changes what up reads, kept otherwise.
            Map.entry(3, Hooks.start(a -> {
                assertThat(rows(a.next(), "SELECT name, description, stock, category FROM products ORDER BY id"))
                        .containsExactly("apple|APPLE|100|apple-category", "fig|FIG|100|fig-category");
                exec(a.old(), "UPDATE products SET name = 'pear' WHERE name = 'apple'");
                assertThat(one(a.next(), "SELECT description || ' ' || category FROM products WHERE name = 'pear'"))
                        .as("the old version renamed the product").isEqualTo("PEAR pear-category");
                exec(a.old(), "INSERT INTO products (name, price) VALUES ('kiwi', 3)");
                assertThat(one(a.next(), "SELECT description || ' ' || category FROM products WHERE name = 'kiwi'"))
                        .isEqualTo("KIWI kiwi-category");
                exec(a.next(), "UPDATE products SET description = 'sweet' WHERE name = 'fig'");
                exec(a.old(), "UPDATE products SET price = 9 WHERE name = 'fig'");
                assertThat(one(a.next(), "SELECT description FROM products WHERE name = 'fig'"))
                        .as("an old-version write that leaves name alone keeps what the new version wrote")
                        .isEqualTo("sweet");
                exec(a.next(), "INSERT INTO products (name, price, description, category) VALUES ('lime', 4, 'sour', 'c')");
                assertThat(one(a.old(), "SELECT price FROM products WHERE name = 'lime'")).isEqualTo("4.00");
            })),
            Map.entry(4, Hooks.start(a -> {
                exec(a.old(), "INSERT INTO customers (id, name) VALUES (1, 'ann')");
                assertThat(one(a.next(), "SELECT name FROM clients WHERE id = 1")).isEqualTo("ann");
            })),
            Map.entry(5, Hooks.complete(a -> exec(a.admin(), "INSERT INTO users VALUES (1, 'alice')"))),
            Map.entry(6, Hooks.start(a -> {
                assertThat(one(a.next(), "SELECT description FROM users WHERE id = 1")).isEqualTo("ALICE");
                exec(a.old(), "UPDATE users SET name = 'bob' WHERE id = 1");
                assertThat(one(a.next(), "SELECT description FROM users WHERE id = 1")).isEqualTo("BOB");
            })),
            Map.entry(7, Hooks.start(a -> {
                assertThat(one(a.old(), "SELECT count(*) FROM products")).isEqualTo("4");
                assertThat(one(a.next(), "SELECT to_regclass('products')")).isNull();
            })),
            Map.entry(8, Hooks.start(a -> assertThat(one(a.next(), "INSERT INTO fruits (name, price)"
                    + " VALUES ('banana', 1.5) RETURNING id")).isEqualTo("1"))),
            Map.entry(9, Hooks.start(a -> {
                exec(a.next(), "INSERT INTO fruits (name) VALUES ('cherry')");
                assertThat(one(a.old(), "SELECT price FROM fruits WHERE name = 'cherry'")).isEqualTo("0.00");
            })),
            Map.entry(10, Hooks.start(a -> assertThat(one(a.admin(), "SELECT pg_get_indexdef('idx_fruits_name'::regclass)"))
                    .endsWith("USING btree (name)"))),
            Map.entry(13, Hooks.start(a -> {
                exec(a.old(), "INSERT INTO employees (role) VALUES ('dev')");
                assertThat(one(a.next(), "SELECT job_title FROM employees")).isEqualTo("dev");
                exec(a.next(), "UPDATE employees SET job_title = 'lead'");
                assertThat(one(a.old(), "SELECT role FROM employees")).isEqualTo("lead");
            })),
            // alter_column unique with up: the copy is made unique by up, so duplicates do not stop complete.
            Map.entry(15, new Hooks(
                    a -> exec(a.admin(), "INSERT INTO reviews (username, product, review) VALUES ('u', 'tea', 'good'),"
                            + " ('v', 'tea', 'good'), ('w', 'jam', NULL)"),
                    a -> {
                        exec(a.old(), "INSERT INTO reviews (username, product, review) VALUES ('x', 'tea', 'good')");
                        assertThat(rows(a.next(), "SELECT review FROM reviews WHERE review IS NOT NULL"))
                                .hasSize(3).allMatch(r -> r.matches("good-\\d+")).doesNotHaveDuplicates();
                        exec(a.next(), "INSERT INTO reviews (username, product, review) VALUES ('y', 'tea', 'great')");
                        assertThat(one(a.old(), "SELECT review FROM reviews WHERE username = 'y'")).isEqualTo("great");
                    },
                    a -> {
                        assertThat(one(a.admin(), "SELECT contype FROM pg_constraint WHERE conname = 'reviews_review_unique'"))
                                .isEqualTo("u");
                        assertThat(one(a.next(), "SELECT count(DISTINCT review) FROM reviews")).isEqualTo("4");
                    })),
            Map.entry(16, Hooks.start(a -> {
                exec(a.old(), "INSERT INTO reviews (username, product) VALUES ('z', 'cake')");
                assertThat(one(a.next(), "SELECT review FROM reviews WHERE username = 'z'")).isEqualTo("cake is good");
                assertThat(one(a.next(), "SELECT review FROM reviews WHERE username = 'w'")).isEqualTo("jam is good");
            })),
            Map.entry(18, Hooks.start(a -> {
                exec(a.old(), "UPDATE reviews SET rating = '5' WHERE username = 'u'");
                assertThat(one(a.next(), "SELECT rating + 1 FROM reviews WHERE username = 'u'")).isEqualTo("6");
                exec(a.next(), "UPDATE reviews SET rating = 7 WHERE username = 'v'");
                assertThat(one(a.old(), "SELECT rating FROM reviews WHERE username = 'v'")).isEqualTo("7");
            })),
            Map.entry(20, Hooks.complete(a -> exec(a.admin(), "INSERT INTO posts (title, user_id) VALUES"
                    + " ('hello world', 1), ('orphan post', 999)"))),
            Map.entry(21, Hooks.start(a -> {
                assertThat(one(a.next(), "SELECT user_id FROM posts WHERE title = 'orphan post'")).isNull();
                assertThat(one(a.old(), "SELECT user_id FROM posts WHERE title = 'orphan post'")).isEqualTo("999");
                assertThatThrownBy(() -> exec(a.next(), "INSERT INTO posts (title, user_id) VALUES ('bad', 42)"))
                        .hasMessageContaining("fk_users_id");
            })),
            Map.entry(22, Hooks.start(a -> {
                exec(a.old(), "INSERT INTO posts (title) VALUES ('ab')");
                assertThat(one(a.next(), "SELECT count(*) FROM posts WHERE title = '--ab'")).isEqualTo("1");
            })),
            Map.entry(25, Hooks.complete(a -> exec(a.admin(), "INSERT INTO people (id, name) VALUES (1, 'alice')"))),
            Map.entry(26, Hooks.start(a -> assertThat(one(a.next(), "SELECT age FROM people WHERE id = 1")).isEqualTo("18"))),
            Map.entry(29, new Hooks(a -> { },
                    a -> assertThat(one(a.admin(), "SELECT relreplident FROM pg_class WHERE oid = 'fruits'::regclass"))
                            .isEqualTo("i"),
                    a -> assertThat(one(a.admin(), "SELECT indisreplident FROM pg_index"
                            + " WHERE indexrelid = 'fruits_pkey'::regclass")).isEqualTo("t"))),
            Map.entry(30, Hooks.start(a -> {
                assertThat(one(a.next(), "SELECT description FROM people WHERE id = 1")).isEqualTo("temporary-description");
                exec(a.old(), "INSERT INTO people (id, name) VALUES (2, 'bobby')");
                assertThat(one(a.next(), "SELECT description FROM people WHERE id = 2")).isEqualTo("temporary-description");
            })),
            // nullable: true is catalog only here (pgroll copies the column and fills the old one with down).
            Map.entry(31, Hooks.start(a -> {
                exec(a.next(), "INSERT INTO posts (title) VALUES (NULL)");
                assertThat(one(a.old(), "SELECT count(*) FROM posts WHERE title IS NULL")).isEqualTo("1");
                exec(a.next(), "DELETE FROM posts WHERE title IS NULL");
            })),
            Map.entry(32, Hooks.complete(a -> assertThat(one(a.admin(), "SELECT format_type(atttypid, atttypmod)"
                    + " FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'birth_date'"))
                    .isEqualTo("timestamp without time zone"))),
            Map.entry(33, Hooks.complete(a -> assertThat(one(a.admin(), "SELECT count(*) FROM pg_constraint"
                    + " WHERE conname = 'name_length_check'")).isEqualTo("1"))),
            Map.entry(37, Hooks.start(a -> assertThat(one(a.admin(), "SELECT pg_get_indexdef('idx_fruits_id_gt_10'::regclass)"))
                    .endsWith("USING btree (id) WHERE (id > 10)"))),
            Map.entry(38, Hooks.start(a -> assertThat(one(a.admin(), "SELECT pg_get_indexdef('idx_fruits_name'::regclass)"))
                    .endsWith("USING hash (name) WITH (fillfactor='70')"))),
            Map.entry(41, Hooks.start(a -> assertThat(one(a.next(), "SELECT string_agg(DISTINCT size::text, ',')"
                    + " FROM fruits")).isEqualTo("small"))),
            Map.entry(43, Hooks.complete(a -> exec(a.admin(), "INSERT INTO tickets (sellers_name, sellers_zip)"
                    + " VALUES ('alice', 0), ('bob', 5)"))),
            Map.entry(44, Hooks.complete(a -> assertThatThrownBy(() -> exec(a.next(), "INSERT INTO tickets"
                    + " (sellers_name, sellers_zip) VALUES ('bob', 5)")).hasMessageContaining("unique_zip_name"))),
            Map.entry(45, Hooks.start(a -> {
                exec(a.old(), "INSERT INTO tickets (sellers_name, sellers_zip) VALUES ('carol', 0)");
                assertThat(one(a.next(), "SELECT sellers_zip FROM tickets WHERE sellers_name = 'carol'")).isEqualTo("123");
                assertThatThrownBy(() -> exec(a.next(), "INSERT INTO tickets (sellers_name, sellers_zip) VALUES ('dan', 0)"))
                        .hasMessageContaining("check_zip_name");
            })),
            Map.entry(47, Hooks.complete(a -> assertThatThrownBy(() -> exec(a.next(), "INSERT INTO tickets"
                    + " (sellers_name, sellers_zip, ticket_type) VALUES ('nobody', 1, 'paper')"))
                    .hasMessageContaining("fk_sellers"))),
            Map.entry(49, Hooks.start(a -> {
                exec(a.next(), "INSERT INTO fruits (name) VALUES (NULL)");
                assertThat(one(a.old(), "SELECT count(*) FROM fruits WHERE name IS NULL")).isEqualTo("1");
            })),
            Map.entry(51, Hooks.start(a -> {
                exec(a.next(), "INSERT INTO telephone_providers (name, tax_id, headquarters) VALUES ('tel', 't1', 'x')");
                exec(a.next(), "INSERT INTO phonebook (provider_id, name, city, phone) VALUES (1, 'ann', 'rome', '555')");
                assertThatThrownBy(() -> exec(a.next(), "INSERT INTO phonebook (provider_id, name, city, phone)"
                        + " VALUES (1, 'bob', 'oslo', '555')")).hasMessageContaining("unique_numbers");
                assertThat(one(a.admin(), "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conname = 'unique_numbers'")).isEqualTo("UNIQUE (phone) INCLUDE (name)");
            })),
            Map.entry(52, new Hooks(a -> { }, a -> {
                exec(a.next(), "INSERT INTO library (returned, title, summary) VALUES (now(), 'dune', 's'),"
                        + " (now(), 'emma', 's')");
                assertThatThrownBy(() -> exec(a.next(), "INSERT INTO library (returned, title, summary)"
                        + " VALUES (now(), 'dune', 's')")).hasMessageContaining("forbid_duplicated_titles");
            }, a -> assertThat(one(a.admin(), "SELECT contype FROM pg_constraint WHERE conname = 'forbid_duplicated_titles'"))
                    .isEqualTo("x"))),
            Map.entry(53, Hooks.start(a -> {
                assertThat(one(a.next(), "SELECT count(*) FROM library WHERE value BETWEEN 0 AND 1000")).isEqualTo("2");
                exec(a.old(), "INSERT INTO library (returned, title, summary) VALUES (now(), 'ulysses', 's')");
                assertThat(one(a.next(), "SELECT value IS NOT NULL FROM library WHERE title = 'ulysses'")).isEqualTo("t");
            })),
            Map.entry(54, Hooks.start(a -> assertThat(one(a.admin(), "SELECT opcname FROM pg_index i JOIN pg_opclass o"
                    + " ON o.oid = i.indclass[0] WHERE indexrelid = 'idx_fruits_custom_opclass'::regclass"))
                    .isEqualTo("int8_ops"))),
            Map.entry(55, Hooks.complete(a -> assertThat(one(a.admin(), "SELECT pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE conname = 'tasks_pkey'")).isEqualTo("PRIMARY KEY (id)"))),
            Map.entry(56, new Hooks(a -> { },
                    a -> assertThat(one(a.next(), "INSERT INTO products (name) VALUES ('pen') RETURNING id")).isEqualTo("1"),
                    a -> assertThat(one(a.next(), "SELECT current_schema() || ':' || count(*) FROM products"))
                            .isEqualTo("public_with_version_schema:1"))));

    @TestFactory
    Stream<DynamicTest> everyExampleInOrder() throws IOException, SQLException, java.net.URISyntaxException {
        db = new VersionedDatabase("public");
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(PgrollExamplesIT.class.getResource("/pgroll-examples").toURI()))) {
            files = s.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        Stream<DynamicTest> each = files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> run(f)));
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("all 56 handled: 55 completed, 35 refused", () -> {
            assertThat(files).hasSize(56);
            assertThat(completed).hasSize(55);
            assertThat(refused).containsExactly("35_alter_column_multiple.yaml");
        })));
    }

    @AfterAll
    static void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static void run(Path file) throws Exception {
        String name = file.getFileName().toString();
        Matcher m = FILE.matcher(name);
        assertThat(m.matches()).isTrue();
        int number = Integer.parseInt(m.group(1));
        YamlMigration migration = YamlMigration.parse("V" + number + "__" + m.group(2) + ".yaml", Files.readString(file));
        Hooks hooks = HOOKS.getOrDefault(number, new Hooks(a -> { }, a -> { }, a -> { }));
        if (number == 35) {
            assertThatThrownBy(() -> db.expandContract().start(migration)).isInstanceOf(UnderwayException.class)
                    .hasMessageContaining("V35__alter_column_multiple.yaml:3: the down of events.name (over the new"
                            + " version's columns id, name)")
                    .hasMessageContaining("column \"event_name\" does not exist")
                    .hasMessageContaining("nothing was changed");
            assertThat(db.expandContract().status()).isEmpty();
            assertThat(db.schemaExists("public_v35")).isFalse();
            refused.add(name);
            return;
        }
        String next = migration.versionSchema() != null ? "public_" + migration.versionSchema() : "public_v" + number;
        try (Connection old = db.db.connect(); Connection newApp = db.db.connect()) {
            exec(old, "SET search_path = \"" + previous + "\"");
            exec(newApp, "SET search_path = \"" + next + "\"");
            Apps apps = new Apps(db.admin, old, newApp);
            hooks.before().check(apps);
            db.expandContract().start(migration);
            try {
                assertThat(db.schemaExists(next)).as(next).isTrue();
                hooks.afterStart().check(apps);
                db.expandContract().complete(String.valueOf(number));
            } catch (Throwable e) {
                // Roll back, so that the examples after it still report their own outcome.
                try {
                    db.expandContract().rollback(String.valueOf(number));
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            assertThat(db.expandContract().status()).isEmpty();
            hooks.afterComplete().check(apps);
        }
        previous = next;
        completed.add(name);
    }
}
