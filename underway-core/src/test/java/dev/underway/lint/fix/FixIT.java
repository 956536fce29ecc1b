package dev.underway.lint.fix;

import dev.underway.Underway;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.report.FixedFile;
import dev.underway.report.LintOptions;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code lint --fix} keeps the intent: the original migration (applied with --unsafe) and the fixed one
 * (applied through the lint gate) leave the same columns, constraints and indexes in the catalog.
 */
class FixIT {
    private static final Dialect PG = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17"));
    private static final String SETUP = """
            CREATE TABLE parent (id bigint PRIMARY KEY);
            CREATE TABLE t (id bigint, pid bigint, qty int, name text, code varchar(10));
            INSERT INTO parent VALUES (1), (2);
            INSERT INTO t SELECT g, 1 + g % 2, g, 'n' || g, 'c' || g FROM generate_series(1, 500) g;
            CREATE INDEX t_qty_idx ON t (qty);
            """;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            create index         | CREATE INDEX t_name_idx ON t (name)                                       | CONCURRENTLY
            create unique index  | CREATE UNIQUE INDEX IF NOT EXISTS t_code_idx ON t (code)                 | CONCURRENTLY
            unnamed index        | CREATE INDEX ON T (Name)                                                  | INDEX CONCURRENTLY "t_name_idx" ON T
            unnamed name taken   | CREATE INDEX ON t (qty)                                                   | "t_qty_idx1"
            unnamed expression   | CREATE INDEX ON t (lower(name), (qty + 1))                                | "t_lower_expr_idx"
            drop index           | DROP INDEX t_qty_idx                                                      | CONCURRENTLY
            reindex              | REINDEX TABLE t                                                           | CONCURRENTLY
            named check          | ALTER TABLE t ADD CONSTRAINT t_qty_positive CHECK (qty > 0)               | NOT VALID
            unnamed check        | ALTER TABLE t ADD CHECK (length(name) > 0 AND qty > 0)                    | NOT VALID
            unnamed foreign key  | ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES parent (id)                | VALIDATE CONSTRAINT
            set not null         | ALTER TABLE t ALTER COLUMN name SET NOT NULL                              | IS NOT NULL
            unique               | ALTER TABLE t ADD UNIQUE (code)                                           | USING INDEX
            named unique         | ALTER TABLE t ADD CONSTRAINT t_code_uniq UNIQUE (code, id)                | USING INDEX
            primary key          | ALTER TABLE t ADD PRIMARY KEY (id)                                        | PRIMARY KEY USING INDEX
            mixed file           | CREATE TABLE other (x int); CREATE INDEX t_name_idx ON t (name)           | no-transaction
            """)
    void fixedMigrationLeavesTheSameCatalogAsTheOriginal(String name, String original, String expectedInFix) throws Exception {
        String migration = original.replace("; ", ";\n") + ";\n";
        TestDatabase unsafeDb = TestDatabases.postgres();
        TestDatabase fixedDb = TestDatabases.postgres();
        Path unsafeDir = dir("unsafe", migration);
        Path fixedDir = dir("fixed", migration);

        Path v2 = fixedDir.resolve("V2__change.sql");
        Linter linter = new Linter(PG, LintOptions.DEFAULT);
        List<FixedFile> fixed = new Fixer(linter).fix(LintInput.load(fixedDir, "", PG.syntax()));
        FixedFile f = fixed.get(1);
        assertThat(f.changed()).as(f.notes().toString()).isTrue();
        assertThat(f.text()).contains(expectedInFix);
        Files.writeString(v2, f.text());

        if (linter.lint(LintInput.load(unsafeDir, "", PG.syntax())).hasErrors()) {
            assertThatThrownBy(() -> underway(unsafeDb, unsafeDir, false).migrate()).hasMessageContaining("migrate refused");
        }
        underway(unsafeDb, unsafeDir, true).migrate();
        underway(fixedDb, fixedDir, false).migrate();

        assertThat(catalog(fixedDb)).isEqualTo(catalog(unsafeDb));
        assertThat(fixedDb.count("SELECT count(*) FROM t")).isEqualTo(500);
    }

    private Path dir(String kind, String migration) throws Exception {
        Path d = Files.createDirectories(work.resolve(kind));
        Files.writeString(d.resolve("V1__setup.sql"), SETUP);
        Files.writeString(d.resolve("V2__change.sql"), migration);
        return d;
    }

    private static Underway underway(TestDatabase db, Path dir, boolean unsafe) {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir).unsafe(unsafe).build();
    }

    /** Columns, constraints (with their definition and whether validated) and indexes of the public schema. */
    private static List<String> catalog(TestDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(db.lines(" | ", "SELECT table_name, column_name, data_type, is_nullable, column_default"
                + " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2"));
        out.addAll(db.lines(" | ", "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid), convalidated"
                + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2"));
        out.addAll(db.lines(" | ", "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indisvalid,"
                + " i.indisunique, i.indisprimary FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1"));
        return out;
    }
}
