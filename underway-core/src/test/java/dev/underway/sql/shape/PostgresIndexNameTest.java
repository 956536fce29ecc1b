package dev.underway.sql.shape;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the schema model gives unnamed indexes are PostgreSQL's (checked on the server by the IT). */
class PostgresIndexNameTest {

    @Test
    void unnamedIndexesGetPostgresNamesNumberedWhenTaken() {
        SchemaModel model = new SchemaModel();
        model.apply(PostgresIndexNames.shape(PostgresIndexNames.TABLE));
        List<String> expected = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (List<String> c : PostgresIndexNames.CASES) {
            StatementShape s = PostgresIndexNames.shape(c.get(0));
            named.add(c.get(0) + " => " + model.defaultIndexName(s).orElse("?"));
            expected.add(c.get(0) + " => " + c.get(1));
            model.apply(s);
        }
        assertThat(named).containsExactlyElementsOf(expected);
    }

    @Test
    void noNameWhereTheServerWouldNotBeFollowedForSure() {
        SchemaModel model = new SchemaModel();
        assertThat(model.defaultIndexName(PostgresIndexNames.shape("CREATE INDEX ON t ((trim(a)))"))).isEmpty();
        assertThat(model.defaultIndexName(PostgresIndexNames.shape("CREATE INDEX ON t ((a + 1))"))).contains("t_expr_idx");
        assertThat(model.defaultIndexName(PostgresIndexNames.shape("CREATE INDEX ON t ((date '2020-01-01'))"))).isEmpty();
        assertThat(model.defaultIndexName(PostgresIndexNames.shape("CREATE INDEX i ON t (a)"))).isEmpty();
    }

    @Test
    void objectNamesShortenTheLongerPartWithinSixtyThreeBytes() {
        assertThat(PostgresNames.objectName("t", "x".repeat(70), "fkey")).isEqualTo("t_" + "x".repeat(56) + "_fkey");
        assertThat(PostgresNames.objectName("é".repeat(40), "b", "key")).isEqualTo("é".repeat(28) + "_b_key");
        assertThat(PostgresNames.identifier("é".repeat(40))).hasSize(31);
    }
}
