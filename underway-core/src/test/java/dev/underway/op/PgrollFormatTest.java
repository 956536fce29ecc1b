package dev.underway.op;

import dev.underway.UnderwayException;
import dev.underway.dialect.ServerVersion;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.Action;
import dev.underway.migration.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parts of pgroll's format added for its own examples, without a database: how each is read,
 * what it plans (SQL and locks, as dry runs print them), and what is refused because it has no
 * online form.
 */
class PgrollFormatTest {
    private static final SchemaSnapshot SNAPSHOT = new SchemaSnapshot("public", Map.of(
            "notes", new SchemaSnapshot.Table("notes", List.of(
                    new SchemaSnapshot.Column("id", "integer", false, null, null, false),
                    new SchemaSnapshot.Column("code", "integer", true, null, null, false),
                    new SchemaSnapshot.Column("body", "text", false, null, null, false)),
                    List.of(), Map.of(), Map.of("notes_code", new SchemaSnapshot.Index("notes_code", List.of("code"),
                    true, false, "CREATE UNIQUE INDEX notes_code ON public.notes USING btree (code)")), "FULL"),
            "users", new SchemaSnapshot.Table("users", List.of(
                    new SchemaSnapshot.Column("id", "integer", true, null, null, false),
                    new SchemaSnapshot.Column("name", "text", false, null, null, false)),
                    List.of("id"), Map.of("users_pkey", new SchemaSnapshot.Constraint("users_pkey", "p", List.of("id"),
                    null, List.of(), "PRIMARY KEY (id)")), Map.of("users_pkey", new SchemaSnapshot.Index("users_pkey",
                    List.of("id"), true, true, "CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)")),
                    "DEFAULT")));

    private static MigrationPlan plan(String yaml) {
        return MigrationPlan.of(YamlMigration.parse("V2__m.yaml", yaml), SNAPSHOT, "public",
                new PostgresDialect(ServerVersion.parse("17.6")));
    }

    private static Action only(List<Action> actions, Stage stage) {
        return actions.stream().filter(a -> a.stage() == stage).reduce((a, b) -> {
            throw new AssertionError("more than one " + stage + " action: " + actions);
        }).orElseThrow();
    }

    @Test
    void indexColumnsInEveryShapePgrollHasAccepted() {
        String names = only(plan("""
                operations:
                  - create_index: {name: i1, table: notes, columns: [code, body]}
                """).start(), Stage.INDEXES).sql().get(0);
        assertThat(names).endsWith("ON \"public\".\"notes\" (\"code\", \"body\")");
        // pgroll's 55_create_multicolumn_index.yaml, its newest form.
        String listed = only(plan("""
                operations:
                  - create_index:
                      name: idx_notes_body_code
                      table: notes
                      columns:
                        - name: body
                        - name: code
                          sort: ASC
                """).start(), Stage.INDEXES).sql().get(0);
        assertThat(listed).endsWith("(\"body\", \"code\" ASC)");
        String mapped = only(plan("""
                operations:
                  - create_index:
                      name: i3
                      table: notes
                      method: gist
                      columns:
                        body: {collate: C, opclass: {name: public.gist_trgm_ops, params: [siglen=32]}}
                        code: {sort: desc, nulls: first}
                """).start(), Stage.INDEXES).sql().get(0);
        assertThat(mapped).endsWith("USING gist (\"body\" COLLATE \"C\" \"public\".\"gist_trgm_ops\" (siglen=32),"
                + " \"code\" DESC NULLS FIRST)");
        String withColumn = only(plan("""
                operations:
                  - create_index: {name: i4, table: notes, columns: [{column: code, opclass: {name: int4_ops}}]}
                """).start(), Stage.INDEXES).sql().get(0);
        assertThat(withColumn).endsWith("(\"code\" \"int4_ops\")");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sort not ASC or DESC|operations:\\n  - create_index: {name: i, table: t, columns: [{column: c, sort: UP}]}|sort must be ASC or DESC, got 'UP'
            both column and name|operations:\\n  - create_index: {name: i, table: t, columns: [{column: c, name: d}]}|needs its name in 'column' (or 'name'), once
            an opclass parameter that is not name=value|operations:\\n  - create_index: {name: i, table: t, columns: {c: {opclass: {name: o, params: ['1); DROP']}}}}|is not of the form name=value
            generated with both forms|operations:\\n  - create_table: {name: t, columns: [{name: a, type: int, generated: {expression: '1', identity: {}}}]}|either 'expression' (a stored generated column) or 'identity'
            identity values neither ALWAYS nor BY DEFAULT|operations:\\n  - create_table: {name: t, columns: [{name: a, type: int, generated: {identity: {user_specified_values: SOMETIMES}}}]}|user_specified_values must be ALWAYS or BY DEFAULT
            a nullable identity|operations:\\n  - create_table: {name: t, columns: [{name: a, type: int, nullable: true, generated: {identity: {}}}]}|is an identity column, which PostgreSQL makes NOT NULL
            a default and generated|operations:\\n  - create_table: {name: t, columns: [{name: a, type: int, default: '1', generated: {expression: '2'}}]}|has both a default and 'generated'
            an empty version_schema|version_schema: ''\\noperations:\\n  - drop_table: {name: t}|V2__m.yaml:1: migration: 'version_schema' is empty
            replica identity index without its name|operations:\\n  - set_replica_identity: {table: t, identity: {type: index}}|'index' names the unique index to use
            replica identity of an unknown type|operations:\\n  - set_replica_identity: {table: t, identity: {type: some}}|type must be full, default, nothing or index
            exclude without its definition|operations:\\n  - create_table: {name: t, columns: [{name: a, type: int}], constraints: [{name: k, type: exclude}]}|'exclude' goes with type: exclude
            index_parameters on a check|operations:\\n  - create_constraint: {table: t, name: k, type: check, columns: [a], check: a > 0, index_parameters: {include_columns: [b]}}|index_parameters go with unique, primary_key and exclude
            MATCH PARTIAL|operations:\\n  - create_constraint: {table: t, name: k, type: foreign_key, columns: [a], references: {table: u, columns: [id], match_type: PARTIAL}}|PostgreSQL does not implement MATCH PARTIAL
            on_delete_set_columns without SET NULL|operations:\\n  - create_constraint: {table: t, name: k, type: foreign_key, columns: [a], references: {table: u, columns: [id], on_delete_set_columns: [a]}}|goes with on_delete: SET NULL or SET DEFAULT
            """)
    void refusesWhatPgrollsFormatDoesNotAllow(String what, String yaml, String message) {
        assertThatThrownBy(() -> YamlMigration.parse("V2__m.yaml", yaml.replace("\\n", "\n")))
                .as(what).isInstanceOf(UnderwayException.class).hasMessageContaining(message);
    }

    @Test
    void generatedColumnsOnAnExistingTableAreRefusedWithTheSafeAlternative() {
        assertThatThrownBy(() -> plan("""
                operations:
                  - add_column: {table: notes, column: {name: n, type: bigint, generated: {identity: {}}}}
                """)).hasMessageContaining("V2__m.yaml:2: add_column: notes.n cannot be added online: adding an identity"
                + " column to an existing table rewrites it under an ACCESS EXCLUSIVE lock")
                .hasMessageContaining("default: nextval('the_seq')");
        assertThatThrownBy(() -> plan("""
                operations:
                  - add_column: {table: notes, column: {name: n, type: int, generated: {expression: code * 2}}}
                """)).hasMessageContaining("a stored generated column").hasMessageContaining("up: code * 2");
        List<Action> start = plan("""
                operations:
                  - create_table: {name: t, columns: [{name: id, type: int, pk: true}]}
                  - add_column: {table: t, column: {name: n, type: bigint, generated: {identity: {user_specified_values: ALWAYS}}}}
                """).start();
        assertThat(start).anySatisfy(a -> assertThat(a.sql()).containsExactly(
                "ALTER TABLE \"public\".\"t\" ADD COLUMN \"n\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL"));
        assertThat(start).noneMatch(a -> a.sql().stream().anyMatch(s -> s.contains("_uw_t_n_not_null")));
    }

    @Test
    void aPrimaryKeyIsBuiltConcurrentlyAndAdoptedAfterItsNullableColumnIsProvenNotNull() {
        MigrationPlan p = plan("""
                operations:
                  - create_constraint: {table: notes, name: notes_pkey, type: primary_key, columns: [id], up: {id: id},
                                        down: {id: id}}
                """);
        assertThat(p.start()).filteredOn(a -> a.stage() == Stage.CONSTRAINTS).singleElement()
                .satisfies(a -> assertThat(a.sql()).containsExactly("ALTER TABLE \"public\".\"notes\" ADD CONSTRAINT"
                        + " \"_uw_notes_id_not_null\" CHECK (\"id\" IS NOT NULL) NOT VALID"));
        assertThat(p.start()).noneMatch(a -> a.backfill() != null);
        List<Action> complete = p.complete(false, List.of());
        assertThat(complete).extracting(Action::stage).containsExactly(Stage.VALIDATE, Stage.VALIDATE, Stage.CONTRACT);
        assertThat(complete.get(1).concurrent()).isTrue();
        assertThat(complete.get(1).sql()).containsExactly("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"notes_pkey\""
                + " ON \"public\".\"notes\" (\"id\")");
        assertThat(complete.get(1).locks()).containsExactly("SHARE UPDATE EXCLUSIVE");
        assertThat(complete.get(2).sql()).containsSubsequence(
                "ALTER TABLE \"public\".\"notes\" ALTER COLUMN \"id\" SET NOT NULL",
                "ALTER TABLE \"public\".\"notes\" ADD CONSTRAINT \"notes_pkey\" PRIMARY KEY USING INDEX \"notes_pkey\"");
        assertThat(complete.get(2).locks()).allMatch(l -> l.equals("ACCESS EXCLUSIVE"));
        assertThat(p.rollback()).anySatisfy(a -> assertThat(a.sql()).contains(
                "ALTER TABLE \"public\".\"notes\" DROP CONSTRAINT IF EXISTS \"_uw_notes_id_not_null\""));
        assertThatThrownBy(() -> plan("""
                operations:
                  - create_constraint: {table: users, name: k, type: primary_key, columns: [name]}
                """)).hasMessageContaining("table users already has a primary key (id); drop it first");
    }

    @Test
    void anExclusionConstraintIsRefusedOnAnExistingTableAndAddedToANewOne() {
        assertThatThrownBy(() -> plan("""
                operations:
                  - create_constraint: {table: notes, name: k, type: exclude, exclude: {elements: body WITH =}}
                """)).hasMessageContaining("exclusion constraint k cannot be added to existing table notes online");
        Action add = only(plan("""
                operations:
                  - create_table: {name: t, columns: [{name: a, type: text}]}
                  - create_constraint: {table: t, name: k, type: exclude, exclude: {index_method: gist, elements: a WITH =,
                                        predicate: a <> ''}, index_parameters: {include_columns: [a], tablespace: fast}}
                """).start(), Stage.CONSTRAINTS);
        assertThat(add.sql()).containsExactly("ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"k\" EXCLUDE USING gist"
                + " (a WITH =) INCLUDE (\"a\") USING INDEX TABLESPACE \"fast\" WHERE (a <> '')");
    }

    @Test
    void aUniqueUpThatComputesCopiesTheColumnAndOneThatNamesItDoesNot() {
        assertThat(plan("""
                operations:
                  - create_constraint: {table: notes, name: k, type: unique, columns: [body], up: {body: body}}
                """).start()).noneMatch(a -> a.backfill() != null);
        MigrationPlan copied = plan("""
                operations:
                  - alter_column: {table: users, column: name, unique: {name: users_name_key}, up: name || id, down: name}
                """);
        assertThat(copied.start()).anyMatch(a -> a.backfill() != null).anySatisfy(a -> assertThat(a.sql())
                .contains("ALTER TABLE \"public\".\"users\" ADD COLUMN \"_uw_name\" text"));
        assertThat(copied.complete(false, List.of()).get(0).sql()).containsExactly("CREATE UNIQUE INDEX CONCURRENTLY"
                + " IF NOT EXISTS \"users_name_key\" ON \"public\".\"users\" (\"_uw_name\")");
    }

    @Test
    void anAddedColumnsUpIsRecomputedWhenTheOldVersionChangesWhatItReads() {
        Action trigger = only(plan("""
                operations:
                  - add_column: {table: users, up: upper(name), column: {name: shout, type: text, nullable: true}}
                """).start(), Stage.TRIGGERS);
        assertThat(trigger.sql().get(0)).contains("IF TG_OP = 'INSERT' OR OLD.\"shout\" IS NULL OR NEW.\"name\"::text"
                + " IS DISTINCT FROM OLD.\"name\"::text THEN NEW.\"shout\" := (upper(name)); END IF;");
    }

    @Test
    void replicaIdentityIsACatalogChangeUndoneByRollback() {
        MigrationPlan p = plan("""
                operations:
                  - set_replica_identity: {table: notes, identity: {type: index, index: notes_code}}
                """);
        Action set = only(p.start(), Stage.CONSTRAINTS);
        assertThat(set.sql()).containsExactly("ALTER TABLE \"public\".\"notes\" REPLICA IDENTITY USING INDEX \"notes_code\"");
        assertThat(set.locks()).containsExactly("ACCESS EXCLUSIVE");
        assertThat(p.rollback().get(0).sql()).contains("ALTER TABLE \"public\".\"notes\" REPLICA IDENTITY FULL");
        assertThatThrownBy(() -> plan("""
                operations:
                  - set_replica_identity: {table: users, identity: {type: index, index: nope}}
                """)).hasMessageContaining("table users has no index named nope");
    }

    @Test
    void aTableAnSqlOperationCreatesIsShownByTheNewVersion() {
        List<String> views = only(plan("""
                operations:
                  - sql: {up: "CREATE TABLE users2 (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE other.x (a int)",
                          down: DROP TABLE users2}
                  - sql: {up: CREATE TABLE later (a int), on_complete: true}
                """).start(), Stage.VIEWS).sql();
        assertThat(views).contains("CREATE VIEW \"public_v2\".\"users2\" AS SELECT * FROM \"public\".\"users2\"")
                .noneMatch(v -> v.contains("\"x\"") || v.contains("later"));
    }

    @Test
    void aVersionSchemaNamedByTheFileIsSchemaUnderscoreName() {
        MigrationPlan p = plan("""
                version_schema: with_version_schema
                operations:
                  - create_table: {name: products, columns: [{name: id, type: serial, pk: true}]}
                """);
        assertThat(p.newSchema()).isEqualTo("public_with_version_schema");
        assertThat(only(p.start(), Stage.VIEWS).sql().get(0)).isEqualTo("CREATE SCHEMA \"public_with_version_schema\"");
        assertThatThrownBy(() -> plan("version_schema: " + "x".repeat(60) + "\noperations:\n  - drop_table: {name: notes}\n"))
                .hasMessageContaining("longer than PostgreSQL's 63 bytes");
    }
}
