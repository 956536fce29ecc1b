package dev.underway.sql.shape;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The names in {@link PostgresIndexNames} are the ones the embedded PostgreSQL really chooses. */
class PostgresIndexNameIT {

    @Test
    void theServerNamesUnnamedIndexesAsTheModelDoes() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(PostgresIndexNames.TABLE);
            for (List<String> k : PostgresIndexNames.CASES) {
                s.execute(k.get(0));
                try (ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'i'"
                        + " ORDER BY oid DESC LIMIT 1")) {
                    rs.next();
                    actual.add(k.get(0) + " => " + rs.getString(1));
                }
                expected.add(k.get(0) + " => " + k.get(1));
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
