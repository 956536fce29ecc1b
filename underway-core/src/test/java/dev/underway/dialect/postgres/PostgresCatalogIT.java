package dev.underway.dialect.postgres;

import dev.underway.testkit.TestDatabase;
import dev.underway.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The columns an index names, as the catalog reader sees them on the real server: key columns in key order, then the
 * columns its expressions and predicate use, whatever the names look like (quotes, spaces, upper case, a word of the
 * index's own definition, a prefix of another column, characters a regular expression gives meaning to).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PostgresCatalogIT {
    private static TestDatabase db;

    @BeforeAll
    static void schema() throws Exception {
        db = TestDatabases.postgres();
        db.exec("CREATE SCHEMA app",
                "CREATE TABLE app.t (id int PRIMARY KEY, a text, a_b text, \"Mixed Case\" text, \"lower\" text,"
                        + " \"t\" int, \"quo\"\"te\" text, \"weird(\" text, \"btree\" int, active boolean)",
                "CREATE INDEX plain ON app.t (a_b, a)",
                "CREATE INDEX mixed ON app.t (\"Mixed Case\")",
                "CREATE INDEX quoted ON app.t (\"quo\"\"te\") INCLUDE (\"t\")",
                "CREATE INDEX expression ON app.t (lower(a_b), id)",
                "CREATE UNIQUE INDEX partial ON app.t (\"btree\") WHERE active",
                "CREATE INDEX regex ON app.t (\"weird(\")");
    }

    private static Map<String, List<String>> columns() throws Exception {
        try (Connection c = db.connect()) {
            return PostgresCatalog.indexes(c, "app").stream().collect(Collectors.toMap(PostgresCatalog.IndexRow::name,
                    PostgresCatalog.IndexRow::columns));
        }
    }

    @Test
    void keyColumnsInKeyOrderWhateverTheirNames() throws Exception {
        Map<String, List<String>> columns = columns();
        assertThat(columns.get("plain")).as("key order, and a is not a_b").containsExactly("a_b", "a");
        assertThat(columns.get("mixed")).containsExactly("Mixed Case");
        assertThat(columns.get("quoted")).as("included columns count too").containsExactly("quo\"te", "t");
        assertThat(columns.get("regex")).containsExactly("weird(");
        assertThat(columns.get("t_pkey")).as("the table's name is no column of its indexes").containsExactly("id");
    }

    @Test
    void expressionsAndPredicatesNameTheColumnsTheyUse() throws Exception {
        Map<String, List<String>> columns = columns();
        assertThat(columns.get("expression")).as("the function lower is no column").containsExactly("id", "a_b");
        assertThat(columns.get("partial")).as("the method btree is a column only as a key").containsExactly("btree",
                "active");
    }

    @Test
    void theDefinitionIsTheServersAndFlagsAreRead() throws Exception {
        try (Connection c = db.connect()) {
            PostgresCatalog.IndexRow partial = PostgresCatalog.indexes(c, "app").stream()
                    .filter(i -> i.name().equals("partial")).findFirst().orElseThrow();
            assertThat(partial.definition()).isEqualTo("CREATE UNIQUE INDEX partial ON app.t USING btree (btree)"
                    + " WHERE active");
            assertThat(partial.unique()).isTrue();
            assertThat(partial.primary()).isFalse();
            assertThat(partial.table()).isEqualTo("t");
        }
    }
}
