package dev.underway.synthetic;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.migration.QualifiedName;
import dev.underway.report.FilledTable;
import dev.underway.testkit.Sql;
import dev.underway.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Synthetic rows on a real server, for a table with a column of every supported kind, a key, a unique column, a
 * list-valued CHECK, server-filled columns and a foreign key: the server accepts every value (its types and
 * constraints are the judge), parents are filled first, unsatisfiable tables are refused with nothing left behind.
 * Written once; {@code PostgresSyntheticDataIT} and {@code MariaDbSyntheticDataIT} run it per engine.
 */
abstract class SyntheticDataScenario {
    TestDatabase db;
    Connection c;
    Dialect dialect;

    abstract TestDatabase newDatabase();

    abstract String schema();

    /** Creates parent and wide (see the subclasses), and picky (a CHECK no value satisfies) and odd (an unsupported NOT NULL type). */
    abstract void createTables() throws SQLException;

    /** The labels of wide.feeling. */
    abstract List<String> feelings();

    @BeforeEach
    void setUp() throws SQLException {
        db = newDatabase();
        c = db.connect();
        dialect = Dialects.detect(c, new dev.underway.config.ConnectionSettings(db.url(), null, null).kind());
        createTables();
    }

    QualifiedName table(String name) {
        return new QualifiedName(schema(), name);
    }

    @Test
    void everyKindIsFilledAndTheServerAcceptsItParentsFirst() throws SQLException {
        List<FilledTable> filled = SyntheticData.fill(c, dialect, Map.of(table("wide"), 5000L), 40);

        assertThat(filled).extracting(f -> f.table().name() + ":" + f.rows() + ":" + f.addedAsParent())
                .containsExactly("parent:40:true", "wide:5000:false");
        assertThat(count("SELECT count(*) FROM wide")).isEqualTo(5000);
        assertThat(count("SELECT count(*) FROM parent")).isEqualTo(40);
        assertThat(count("SELECT count(DISTINCT parent_id) FROM wide")).isGreaterThan(20);
        assertThat(count("SELECT count(*) FROM wide WHERE parent_id NOT IN (SELECT id FROM parent)")).isZero();
        assertThat(count("SELECT count(DISTINCT code) FROM wide")).isEqualTo(5000);
        assertThat(count("SELECT count(DISTINCT note) FROM wide")).isGreaterThan(1000);
        assertThat(count("SELECT count(*) FROM wide WHERE status NOT IN ('new', 'active')")).isZero();
        assertThat(count("SELECT count(DISTINCT status) FROM wide")).isEqualTo(2);
        assertThat(strings("SELECT DISTINCT feeling FROM wide")).hasSameElementsAs(feelings());
        assertThat(count("SELECT max(length(fixed)) FROM wide")).isLessThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM wide WHERE seen < '2021-01-01' OR seen >= '2025-01-01'")).isZero();
        assertThat(count("SELECT count(*) FROM wide WHERE created IS NULL")).as("left to the server's default").isZero();

        // After a fill, single-row inserts of later row numbers do not collide with it.
        RowGenerator g = RowGenerator.forTable(c, dialect, table("wide"));
        try (PreparedStatement ps = c.prepareStatement(g.insertSql())) {
            SplittableRandom r = new SplittableRandom(5);
            for (long row = 5001; row <= 5300; row++) {
                g.bind(ps, 1, g.values(row, r));
                ps.executeUpdate();
            }
        }
        assertThat(count("SELECT count(*) FROM wide")).isEqualTo(5300);
        assertThat(g.columns()).doesNotContain("created", "gen").contains("id", "code", "parent_id");
        assertThat(g.updatableColumns()).contains("note", "created").doesNotContain("id", "code", "parent_id", "gen");
    }

    @Test
    void aSecondFillContinuesAfterTheRowsThere() throws SQLException {
        SyntheticData.fill(c, dialect, Map.of(table("parent"), 300L), 0);
        SyntheticData.fill(c, dialect, Map.of(table("parent"), 300L), 0);
        assertThat(count("SELECT count(*) FROM parent")).isEqualTo(600);
    }

    @Test
    void aCheckNoSyntheticValueSatisfiesIsRefusedAndLeavesTheTableEmpty() throws SQLException {
        assertThatThrownBy(() -> SyntheticData.fill(c, dialect, Map.of(table("picky"), 1000L), 0))
                .isInstanceOf(UnderwayException.class).hasMessageContaining("filling " + schema() + ".picky")
                .hasMessageContaining("nothing was added").hasMessageContaining("rows(\"picky\", 0)")
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.REFUSED_OPERATION));
        assertThat(count("SELECT count(*) FROM picky")).isZero();
    }

    @Test
    void aNotNullColumnOfATypeWithoutValuesIsRefusedClearly() {
        assertThatThrownBy(() -> SyntheticData.fill(c, dialect, Map.of(table("odd"), 10L), 0))
                .hasMessageContaining("cannot make synthetic values for " + schema() + ".odd.")
                .hasMessageContaining("rows(\"odd\", 0)")
                .satisfies(e -> assertThat(((UnderwayException) e).reason()).isEqualTo(Reason.UNSUPPORTED));
    }

    long count(String sql) throws SQLException {
        return Sql.count(c, sql);
    }

    List<String> strings(String sql) throws SQLException {
        return Sql.column(c, sql);
    }

    void exec(String... sql) throws SQLException {
        Sql.exec(c, sql);
    }
}
