package dev.underway.op;

import dev.underway.UnderwayException;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lint gate over {@code sql} operations sees the migration they belong to, as lint sees a SQL file. */
class SqlOperationGateTest {
    private static final Dialect PG = Dialects.offline(DatabaseKind.POSTGRESQL, ServerVersion.parse("17"));

    private static void check(String yaml) {
        SqlOperationGate.check(YamlMigration.parse("V3__bookings.yaml", yaml), PG, false);
    }

    @Test
    void anExcludeConstraintOnATableTheMigrationCreatesPasses() {
        // pgroll's own example: create_table, then an sql operation adding an EXCLUDE constraint to the new table.
        assertThatCode(() -> check("""
                operations:
                  - create_table:
                      name: bookings
                      columns:
                        - {name: id, type: serial, pk: true}
                        - {name: room, type: int}
                        - {name: during, type: tsrange}
                  - sql:
                      up: ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&)
                """)).doesNotThrowAnyException();
        assertThatCode(() -> check("""
                operations:
                  - sql:
                      up: CREATE TABLE rooms (id int, during tsrange)
                  - sql:
                      up: ALTER TABLE rooms ADD CONSTRAINT rooms_no_overlap EXCLUDE USING gist (during WITH &&);
                """)).as("a table an earlier sql operation created").doesNotThrowAnyException();
    }

    @Test
    void anExcludeConstraintOnAnExistingTableIsStillRefusedWithItsYamlLine() {
        assertThatThrownBy(() -> check("""
                operations:
                  - create_table:
                      name: other
                      columns:
                        - {name: id, type: int, pk: true}
                  - sql:
                      up: ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&)
                """)).isInstanceOf(UnderwayException.class).hasMessageContaining("V3__bookings.yaml:7: PG108");
    }
}
