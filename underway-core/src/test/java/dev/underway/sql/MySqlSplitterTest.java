package dev.underway.sql;

import dev.underway.UnderwayException;
import dev.underway.dialect.mysql.MySqlDialect;
import dev.underway.migration.Directive;
import dev.underway.migration.SqlScript;
import dev.underway.migration.SqlStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MySqlSplitterTest {
    private final StatementSplitter splitter = new StatementSplitter(MySqlDialect.SYNTAX);

    private List<String> sql(String text) {
        return splitter.split(text, "test.sql").statements().stream().map(SqlStatement::sql).toList();
    }

    /** Text in, the statements it splits into: one row per rule of the lexer. */
    static Stream<Arguments> splits() {
        return Stream.of(
                arguments("backslash escapes inside strings",
                        "SELECT 'a\\';b'; SELECT 'c\\\\'; SELECT 3", List.of("SELECT 'a\\';b'", "SELECT 'c\\\\'", "SELECT 3")),
                arguments("double quotes are strings with escapes",
                        "SELECT \"a;\"\"b\\\";\"; SELECT 2", List.of("SELECT \"a;\"\"b\\\";\"", "SELECT 2")),
                arguments("backtick identifiers with doubled backticks",
                        "CREATE TABLE `a;b` (`x``;y` int); SELECT 1", List.of("CREATE TABLE `a;b` (`x``;y` int)", "SELECT 1")),
                arguments("hash comments hide semicolons",
                        "SELECT 1; # a; comment\nSELECT 2;", List.of("SELECT 1", "SELECT 2")),
                arguments("double dash is a comment only before whitespace",
                        "SELECT 1--1;\nSELECT 2; -- comment; here\nSELECT 3;--\nSELECT 4",
                        List.of("SELECT 1--1", "SELECT 2", "SELECT 3", "SELECT 4")),
                arguments("block comments do not nest",
                        "/* a /* b */ SELECT 1; SELECT 2", List.of("SELECT 1", "SELECT 2")),
                arguments("dollar signs mean nothing special",
                        "SELECT '$$'; SELECT $$x; SELECT 3", List.of("SELECT '$$'", "SELECT $$x", "SELECT 3")),
                arguments("DELIMITER inside a statement is not a command",
                        "SELECT 1 AS\ndelimiter;", List.of("SELECT 1 AS\ndelimiter")),
                // the mysql client does not track parentheses; neither do we (the server would reject the halves)
                arguments("semicolons in parentheses split like the mysql client",
                        "SELECT (1; SELECT 2)", List.of("SELECT (1", "SELECT 2)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splits(String rule, String text, List<String> statements) {
        assertThat(sql(text)).containsExactlyElementsOf(statements);
    }

    @Test
    void versionCommentsAreCodeAndKeptInTheStatement() {
        List<SqlStatement> s = splitter.split("/*!40101 SET NAMES utf8mb4 */;\n/*!50003 CREATE TRIGGER x; */;\nSELECT 1;", "t")
                .statements();
        assertThat(s).extracting(SqlStatement::sql)
                .containsExactly("/*!40101 SET NAMES utf8mb4 */", "/*!50003 CREATE TRIGGER x; */", "SELECT 1");
        assertThat(s).extracting(SqlStatement::line).containsExactly(1, 2, 3);
    }

    @Test
    void delimiterCommandChangesTheTerminator() {
        String text = """
                CREATE TABLE t (id int);
                DELIMITER $$
                CREATE PROCEDURE p()
                BEGIN
                  SELECT 1;
                  SELECT 2;
                END$$
                delimiter //
                CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.id = 1; END //
                DELIMITER ;
                SELECT 3;
                """;
        List<SqlStatement> s = splitter.split(text, "t").statements();
        assertThat(s).extracting(SqlStatement::sql).containsExactly(
                "CREATE TABLE t (id int)",
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND",
                "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.id = 1; END",
                "SELECT 3");
        assertThat(s).extracting(SqlStatement::line).containsExactly(1, 3, 9, 11);
    }

    @Test
    void delimiterWithoutValueIsAnError() {
        assertThatThrownBy(() -> sql("SELECT 1;\nDELIMITER\nSELECT 2;"))
                .isInstanceOf(UnderwayException.class).hasMessageStartingWith("test.sql:2: DELIMITER needs a value");
    }

    @Test
    void unterminatedBacktickNamesItsLine() {
        assertThatThrownBy(() -> sql("SELECT 1;\n\nSELECT `abc"))
                .hasMessage("test.sql:3: unterminated quoted identifier (no closing `)");
    }

    @Test
    void hashDirectivesWork() {
        SqlScript s = splitter.split("# underway:lock-timeout=3s\nALTER TABLE t ADD c int;", "t");
        assertThat(s.directive(Directive.LOCK_TIMEOUT).orElseThrow().argument()).isEqualTo("3s");
    }

    @Test
    void delimiterGluedToItsValueIsRefusedAsTheMysqlClientDoesNotTakeItAsACommand() {
        // mysql's find_command() needs a space after DELIMITER; it would send "DELIMITER" to the server as SQL.
        assertThatThrownBy(() -> sql("SELECT 1;\nDELIMITER;\nSELECT 2;"))
                .isInstanceOf(UnderwayException.class)
                .hasMessageContaining("test.sql:2:").hasMessageContaining("DELIMITER ;");
        assertThatThrownBy(() -> sql("DELIMITER $$\nSELECT 1$$\nDELIMITER$$\n"))
                .isInstanceOf(UnderwayException.class).hasMessageContaining("test.sql:3:");
        assertThat(sql("DELIMITER\t$$\nSELECT 1$$\nDELIMITER ;\nSELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
    }
}
