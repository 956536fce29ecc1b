package dev.underway.op;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading pgroll-format files: every mistake names the file and line, and nothing unknown passes. */
class YamlMigrationTest {

    private static UnderwayException refused(String yaml) {
        try {
            YamlMigration.parse("V7__m.yaml", yaml);
        } catch (UnderwayException e) {
            assertThat(e.reason()).isEqualTo(Reason.BAD_FILE);
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void readsEveryOperationWithItsLineAndIgnoresTheOldStyleName() {
        YamlMigration m = YamlMigration.parse("V7_1__rename_things.yaml", """
                name: 07_rename_things
                operations:
                  - rename_column:
                      table: users
                      from: a
                      to: b
                  - sql:
                      up: SELECT 1
                  - create_index: {name: i, table: t, columns: [c], method: gin}
                """);
        assertThat(m.version()).hasToString("7.1");
        assertThat(m.description()).isEqualTo("rename things");
        assertThat(m.operations()).extracting(Operation::kind).containsExactly("rename_column", "sql", "create_index");
        assertThat(m.operations()).extracting(Operation::line).containsExactly(4, 8, 9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key in an operation|operations:\\n  - alter_column:\\n      table: t\\n      column: c\\n      nulable: false|V7__m.yaml:5: alter_column: unknown key 'nulable'
            unknown top-level key|operations: []\\nversion: 3|V7__m.yaml:2: migration: unknown key 'version'
            unknown operation|operations:\\n  - add_colum: {table: t}|V7__m.yaml:2: unknown operation 'add_colum'
            unknown key in a column|operations:\\n  - add_column:\\n      table: t\\n      column: {name: c, type: int, nullabel: true}|V7__m.yaml:4: add_column.column: unknown key 'nullabel'
            missing table|operations:\\n  - drop_column: {column: c}|V7__m.yaml:2: drop_column: needs 'table'
            boolean written as text|operations:\\n  - alter_column: {table: t, column: c, nullable: "no"}|V7__m.yaml:2: alter_column: 'nullable' must be true or false
            a change that changes nothing|operations:\\n  - alter_column: {table: t, column: c, up: c}|alter_column on t.c changes nothing
            on_complete with down|operations:\\n  - sql: {up: SELECT 1, down: SELECT 2, on_complete: true}|'down' undoes a start, so it cannot go with on_complete
            check type without check|operations:\\n  - create_constraint: {table: t, name: k, type: check, columns: [c]}|'check' goes with type: check
            bad on_delete|operations:\\n  - alter_column: {table: t, column: c, references: {name: f, table: u, column: id, on_delete: EXPLODE}}|on_delete must be one of
            duplicate key|operations:\\n  - drop_table:\\n      name: a\\n      name: b|V7__m.yaml:4: key 'name' is given twice (first at line 3)
            no operations|operations: []|'operations' is empty
            not a list of operations|operations:\\n  - drop_table: {name: a}\\n    rename_table: {from: a, to: b}|each item of 'operations' is one operation
            invalid YAML|operations:\\n  - drop_table: {name: [a|V7__m.yaml:2: is not valid YAML
            """)
    void refusesWithFileAndLine(String what, String yaml, String message) {
        assertThat(refused(yaml.replace("\\n", "\n")).getMessage()).as(what).contains(message);
    }

    @Test
    void aPgrollJsonFileIsReadAsItIsOnceNamedDotYaml() {
        // pgroll's examples/03_add_column.json of its JSON days: JSON is YAML, so only the file name changes.
        YamlMigration m = YamlMigration.parse("V3__add_column.yaml", """
                {
                  "name": "03_add_column",
                  "operations": [
                    {
                      "add_column": {
                        "table": "products",
                        "up": "UPPER(name)",
                        "column": {
                          "name": "description",
                          "type": "varchar(255)",
                          "nullable": true
                        }
                      }
                    }
                  ]
                }
                """);
        assertThat(m.operations()).extracting(Operation::kind, Operation::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("add_column", 5));
    }

    @Test
    void aFileNameWithoutVersionIsRefused() {
        assertThatThrownBy(() -> YamlMigration.parse("rename.yaml", "operations: []"))
                .hasMessageContaining("rename.yaml: not a valid migration name");
        assertThat(YamlMigration.isYamlMigration("V3__x.yml")).isTrue();
        assertThat(YamlMigration.isYamlMigration("V3_x.yaml")).isFalse();
    }

    @Test
    void theChecksumIgnoresLineEndingsAndAByteOrderMark() {
        String unix = "operations:\n  - drop_table: {name: a}\n";
        String windows = "\uFEFFoperations:\r\n  - drop_table: {name: a}\r\n";
        assertThat(YamlMigration.parse("V1__a.yaml", windows).checksum())
                .isEqualTo(YamlMigration.parse("V1__a.yaml", unix).checksum());
    }
}
