package dev.underway;

import dev.underway.migration.MigrateResult;
import dev.underway.plan.Checksums;
import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pg_dump output as a migration, the way Flyway users bring it: {@code COPY ... FROM stdin} followed by its rows
 * and {@code \.}, run through PgJDBC's CopyManager inside the migration's transaction. The dump in
 * {@code src/test/resources/pgdump} is unedited output of pg_dump 15.18 ({@code pg_dump --no-owner --no-privileges})
 * of a PostgreSQL 15 database: the pg_dump installed here refuses the embedded server (17), a newer major version.
 * It has pg_dump's {@code \restrict} lines, tabs, backslashes, a line break, a lone {@code \.} and {@code $$} in the
 * data, NULLs, a dollar-quoted function and setval.
 */
class PostgresPgDumpIT {
    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabases.postgres();
    }

    private Underway underway() {
        return Underway.builder().url(db.url()).user(db.user()).password(db.password()).directory(dir).build();
    }

    private String dump() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/pgdump/V1__pg_dump.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aPgDumpFileMigratesWithItsRowsAndTheHistoryHasFlywaysChecksum() throws Exception {
        String dump = dump();
        Files.writeString(dir.resolve("V1__pg_dump.sql"), dump);
        Files.writeString(dir.resolve("V2__after.sql"), "INSERT INTO customers (name) VALUES ('after the dump');");

        MigrateResult r = underway().migrate();

        assertThat(r.applied()).extracting(a -> a.label()).containsExactly("V1", "V2");
        assertThat(strings("SELECT id || '|' || name || '|' || coalesce(note, 'NULL') || '|' || coalesce(tags::text, 'NULL')"
                + " || '|' || coalesce(mood::text, 'NULL') FROM customers ORDER BY id")).containsExactly(
                "1|Ann|semi;colon|{a,b}|ok",
                "2|tab\there|NULL|NULL|NULL",
                "3|back\\slash|line\nbreak|{}|sad",
                "4|\\.|-- not a comment; /* nor this|{\"x y\"}|ok",
                "5|Zoë $$ 'quoted'|carriage\rreturn|{\"a,b\"}|NULL",
                "6|after the dump|NULL|NULL|NULL");
        assertThat(strings("SELECT id || ':' || total FROM orders ORDER BY id")).containsExactly("10:9.99", "11:0.00");
        assertThat(strings("SELECT count(*) FROM empty_one")).containsExactly("0");
        assertThat(strings("SELECT order_total(1)")).containsExactly("9.99");
        assertThat(strings("SELECT checksum || ' ' || success FROM underway.history WHERE version = '1'"))
                .containsExactly(Checksums.file(dump) + " true");
    }

    @Test
    void aStatementFailingAfterACopyRollsTheRowsBackAndIsNamedByItsFileLine() throws Exception {
        Files.writeString(dir.resolve("V1__copy.sql"), """
                CREATE TABLE t (a int, b text);
                COPY t FROM stdin;
                1\tx;y
                2\tz
                \\.
                INSERT INTO t VALUES ('not a number');
                """);

        assertThatThrownBy(() -> underway().migrate()).isInstanceOf(UnderwayException.class)
                .hasMessageContaining("V1__copy.sql:6");

        assertThat(strings("SELECT count(*) FROM pg_tables WHERE tablename = 't'")).containsExactly("0");
    }

    @Test
    void badCopyDataIsReportedWithTheServersLineOfTheData() throws Exception {
        Files.writeString(dir.resolve("V1__copy.sql"), "CREATE TABLE t (a int, b text);\nCOPY t FROM stdin;\n1\tx\n"
                + "two\ty\n\\.\n");

        assertThatThrownBy(() -> underway().migrate()).isInstanceOf(UnderwayException.class)
                .hasMessageContaining("V1__copy.sql:2").hasMessageContaining("line 2");
        assertThat(strings("SELECT count(*) FROM pg_tables WHERE tablename = 't'")).containsExactly("0");
    }

    @Test
    void aResumedMigrationDoesNotLoadTheRowsTwiceAndRefusesEditedRowsOfACopyThatRan() throws Exception {
        String head = "-- underway:no-transaction\nCREATE TABLE t (a int, b text);\nCOPY t FROM stdin;\n1\tx\n2\ty\n\\.\n";
        Files.writeString(dir.resolve("V1__copy.sql"), head + "INSERT INTO t VALUES ('oops');\n");
        assertThatThrownBy(() -> underway().migrate()).isInstanceOf(UnderwayException.class);
        assertThat(strings("SELECT count(*) FROM t")).containsExactly("2");

        Files.writeString(dir.resolve("V1__copy.sql"), head.replace("2\ty", "2\tedited") + "INSERT INTO t VALUES (3, 'z');\n");
        assertThatThrownBy(() -> underway().migrate()).isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.CHECKSUM_CHANGED));

        Files.writeString(dir.resolve("V1__copy.sql"), head + "INSERT INTO t VALUES (3, 'z');\n");
        underway().migrate();
        assertThat(strings("SELECT a || b FROM t ORDER BY a")).containsExactly("1x", "2y", "3z");
    }
}
