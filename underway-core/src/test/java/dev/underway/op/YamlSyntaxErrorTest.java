package dev.underway.op;

import dev.underway.UnderwayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid YAML is reported with the line and what is wrong there in plain words, not in the parser's. */
class YamlSyntaxErrorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            key indented too little|operations:\\n  - alter_column:\\n      table: users\\n     column: email|V7__m.yaml:4: is not valid YAML: line 4 is indented by 5 spaces, which lines up with no key above it (the keys of the mapping that starts at line 2 are indented by 4 spaces): keys of one mapping must start in the same column (YAML parser: expected <block end>
            key at the list's indentation|operations:\\n  - alter_column:\\n      table: users\\n  column: email|V7__m.yaml:4: is not valid YAML: a key at the indentation of the list that starts at line 2, where only its items ('- ...') can be
            key indented too much|operations:\\n  - alter_column:\\n      table: users\\n        column: email|V7__m.yaml:4: is not valid YAML: a 'key: value' where none can be: either a value contains ': ' (put it in quotes: up: "a: b"), or this line is indented deeper than the keys before it
            colon in a value|operations:\\n  - alter_column:\\n      up: a: b|V7__m.yaml:3: is not valid YAML: a 'key: value' where none can be
            tab|operations:\\n\\t- alter_column:|V7__m.yaml:2: is not valid YAML: a tab is used to indent; YAML indents with spaces only: replace the tab on line 2 with spaces
            unclosed quote|operations:\\n  - alter_column:\\n      up: "coalesce(email|is not valid YAML: the quoted value that starts at line 3 is never closed: add the closing quote
            unclosed list|operations:\\n  - drop_table: {name: [a|is not valid YAML: the list in [ ] that opens at line 2 is never closed (or an item lacks its comma)
            unclosed mapping|operations:\\n  - sql: {up: a|is not valid YAML: the mapping in { } that opens at line 2 is never closed (or an entry lacks its comma)
            list on the key's line|operations: - x|V7__m.yaml:1: is not valid YAML: a list item ('- ') on the same line as its key: start the list on the next line, indented
            reserved first character|operations:\\n  - sql: {up: @x}|V7__m.yaml:2: is not valid YAML: a value cannot start with '@': put the value in quotes ('@...')
            """)
    void saysWhatIsWrongInPlainWords(String what, String yaml, String message) {
        assertThatThrownBy(() -> YamlMigration.parse("V7__m.yaml", yaml.replace("\\n", "\n").replace("\\t", "\t")))
                .as(what).isInstanceOf(UnderwayException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(message).doesNotStartWith("while parsing")
                        .doesNotContain("in 'reader'").doesNotContain("\n"));
    }
}
