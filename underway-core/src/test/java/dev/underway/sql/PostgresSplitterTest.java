package dev.underway.sql;

import dev.underway.UnderwayException;
import dev.underway.dialect.postgres.PostgresDialect;
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

class PostgresSplitterTest {
    private final StatementSplitter splitter = new StatementSplitter(PostgresDialect.SYNTAX);

    private List<String> sql(String text) {
        return splitter.split(text, "test.sql").statements().stream().map(SqlStatement::sql).toList();
    }

    private List<Integer> lines(String text) {
        return splitter.split(text, "test.sql").statements().stream().map(SqlStatement::line).toList();
    }

    /** Text in, the statements it splits into: one row per rule of the lexer. */
    static Stream<Arguments> splits() {
        return Stream.of(
                arguments("splits on semicolons and drops empty statements",
                        "SELECT 1;;  SELECT 2 ;\n;", List.of("SELECT 1", "SELECT 2")),
                arguments("keeps a last statement without terminator",
                        "SELECT 1; SELECT 2", List.of("SELECT 1", "SELECT 2")),
                arguments("single quotes with doubled quotes hide semicolons",
                        "SELECT 'a;b''c;'; SELECT 2", List.of("SELECT 'a;b''c;'", "SELECT 2")),
                // standard_conforming_strings: 'a\' is a complete string
                arguments("backslash is literal in standard strings",
                        "SELECT 'a\\'; SELECT 2;", List.of("SELECT 'a\\'", "SELECT 2")),
                arguments("escape strings treat backslash quote as escaped",
                        "SELECT E'a\\';b'; SELECT e'\\\\'; SELECT 3",
                        List.of("SELECT E'a\\';b'", "SELECT e'\\\\'", "SELECT 3")),
                arguments("unicode strings and identifiers",
                        "SELECT U&'d\\0061t;a', U&\"a;b\"; SELECT 2", List.of("SELECT U&'d\\0061t;a', U&\"a;b\"", "SELECT 2")),
                arguments("double-quoted identifiers hide semicolons",
                        "CREATE TABLE \"a;\"\"b\" (x int); SELECT 1", List.of("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT 1")),
                arguments("positional parameters are not dollar quotes",
                        "PREPARE p(int) AS SELECT $1 + 1; SELECT $2; SELECT 3",
                        List.of("PREPARE p(int) AS SELECT $1 + 1", "SELECT $2", "SELECT 3")),
                arguments("dollar inside identifiers is not a quote",
                        "SELECT a$b$c FROM t; SELECT 2", List.of("SELECT a$b$c FROM t", "SELECT 2")),
                arguments("nested block comments hide semicolons",
                        "/* a /* b; */ still comment; */ SELECT 1; SELECT /* ; */ 2", List.of("SELECT 1", "SELECT /* ; */ 2")),
                arguments("line comments hide semicolons",
                        "SELECT 1; -- ; not a statement\nSELECT 2 -- trailing;\n;", List.of("SELECT 1", "SELECT 2")),
                arguments("transaction BEGIN outside routines still splits",
                        "BEGIN; SELECT 1; COMMIT;", List.of("BEGIN", "SELECT 1", "COMMIT")),
                arguments("semicolons inside parentheses do not split",
                        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1",
                        List.of("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                                "SELECT 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splits(String rule, String text, List<String> statements) {
        assertThat(sql(text)).containsExactlyElementsOf(statements);
    }

    /** An unterminated construct names the line it starts on: text in, the whole message. */
    static Stream<Arguments> unterminated() {
        return Stream.of(
                arguments("SELECT 1;\nSELECT 'abc;\n\n", "test.sql:2: unterminated string (no closing ')"),
                arguments("\n\nSELECT $fn$ body", "test.sql:3: unterminated dollar-quoted string (no closing $fn$)"),
                arguments("SELECT 1; /* a /* b */", "test.sql:1: unterminated /* comment (no closing */)"),
                arguments("\nSELECT \"abc", "test.sql:2: unterminated quoted identifier (no closing \")"));
    }

    @ParameterizedTest
    @MethodSource("unterminated")
    void unterminatedConstructsNameTheirStartLine(String text, String message) {
        assertThatThrownBy(() -> sql(text)).isInstanceOf(UnderwayException.class).hasMessage(message);
    }

    /** An unclosed parenthesis or block names the line it opens on: text in, how the message starts. */
    static Stream<Arguments> unclosed() {
        return Stream.of(
                arguments("SELECT 1;\nINSERT INTO t VALUES (1;\nSELECT 2;", "test.sql:2: parenthesis opened here is never closed"),
                arguments("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC SELECT 1;",
                        "test.sql:2: BEGIN here has no matching END"));
    }

    @ParameterizedTest
    @MethodSource("unclosed")
    void unclosedBlocksNameTheirStartLine(String text, String messageStart) {
        assertThatThrownBy(() -> sql(text)).isInstanceOf(UnderwayException.class).hasMessageStartingWith(messageStart);
    }

    @Test
    void wordEndingInEIsNotAnEscapeString() {
        // "one" ends with e but is followed by a space, and "type'..." is a word then a string
        assertThat(sql("SELECT one FROM t WHERE name = 'x;'; SELECT 2")).hasSize(2);
    }

    @Test
    void dollarQuotesWithAndWithoutTags() {
        String text = """
                CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                CREATE FUNCTION g() RETURNS int AS $body$
                  BEGIN
                    PERFORM $$ inner; $$;
                    RETURN 1;
                  END;
                $body$ LANGUAGE plpgsql;
                SELECT 3;
                """;
        List<String> s = sql(text);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).endsWith("$$ LANGUAGE sql");
        assertThat(s.get(1)).startsWith("CREATE FUNCTION g()").contains("PERFORM $$ inner; $$;").endsWith("$body$ LANGUAGE plpgsql");
        assertThat(lines(text)).containsExactly(1, 2, 8);
    }

    @Test
    void beginAtomicBodyIsOneStatementIncludingCaseEnd() {
        String text = """
                CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT 1;
                  SELECT CASE WHEN a > 0 THEN 2 ELSE 3 END;
                END;
                CREATE OR REPLACE PROCEDURE p() LANGUAGE sql
                BEGIN ATOMIC
                  INSERT INTO t VALUES (1);
                END;
                SELECT 3;
                """;
        List<String> s = sql(text);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).startsWith("CREATE FUNCTION").endsWith("END");
        assertThat(s.get(1)).startsWith("CREATE OR REPLACE PROCEDURE").contains("INSERT INTO t VALUES (1);").endsWith("END");
        assertThat(s.get(2)).isEqualTo("SELECT 3");
    }

    @Test
    void linesCountFromTheFirstTokenAcrossLineEndingStyles() {
        String text = "-- header\r\n\r\nSELECT 1;\r\n/* two\r\nlines */ SELECT\r\n 2;\rSELECT 3;\n\n\nSELECT 4";
        assertThat(lines(text)).containsExactly(3, 5, 7, 10);
    }

    @Test
    void lexerIsLossless() {
        String text = "SELECT E'x\\'' || $t$;$t$, \"q\"\"\" /* c /* n */ */ -- c\n FROM t WHERE a::int >= $1;";
        Lexer lexer = new Lexer(text, PostgresDialect.SYNTAX, "x");
        StringBuilder back = new StringBuilder();
        while (!lexer.atEnd()) {
            back.append(lexer.next(";").text());
        }
        assertThat(back.toString()).isEqualTo(text);
    }

    @Test
    void directivesAreCollectedAndAttachedToTheirStatements() {
        SqlScript script = splitter.split("""
                -- underway:no-transaction
                -- underway:lock-timeout=5s

                -- underway:allow PG001 reason="small table"
                CREATE INDEX i ON t (a);
                DROP INDEX j; -- underway:allow PG002 reason="unused"
                SELECT 1;
                """, "d.sql");
        assertThat(script.has(Directive.NO_TRANSACTION)).isTrue();
        assertThat(script.directive(Directive.LOCK_TIMEOUT).orElseThrow().argument()).isEqualTo("5s");
        List<SqlStatement> s = script.statements();
        assertThat(s.get(0).directives()).extracting(Directive::name)
                .containsExactly("no-transaction", "lock-timeout", "allow");
        assertThat(s.get(0).directives().get(2).argument()).isEqualTo("PG001 reason=\"small table\"");
        assertThat(s.get(1).directives()).extracting(Directive::argument).containsExactly("PG002 reason=\"unused\"");
        assertThat(s.get(2).directives()).isEmpty();
    }

    @Test
    void unknownDirectiveIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> sql("SELECT 1;\n-- underway:no-transactoin\nSELECT 2;"))
                .isInstanceOf(UnderwayException.class)
                .hasMessageStartingWith("test.sql:2: unknown directive 'underway:no-transactoin'");
    }

    @Test
    void ordinaryCommentsMentioningUnderwayAreNotDirectives() {
        assertThat(splitter.split("-- we use underway for migrations\nSELECT 1;", "x").directives()).isEmpty();
    }

    @Test
    void copyFromStdinTakesTheLinesUpToBackslashDotAsItsDataAsPsqlDoes() {
        // psql runs this as two statements: the COPY (with "x;y" as its only data row) and SELECT 1.
        SqlScript script = splitter.split("COPY c FROM stdin;\nx;y\n\\.\nSELECT 1;\n", "test.sql");
        assertThat(script.statements()).extracting(SqlStatement::sql).containsExactly("COPY c FROM stdin", "SELECT 1");
        assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(1, 4);
        assertThat(script.statements().get(0).copyData()).isEqualTo("x;y\n");
        assertThat(script.statements().get(1).copyData()).isNull();
    }

    @Test
    void copyDataKeepsQuotesCommentsAndEscapedBackslashDotAsData() {
        String text = "COPY public.t (a, b) FROM STDIN WITH (FORMAT text);\n"
                + "1\t'open quote\n"
                + "2\t-- not a comment; /* nor this\n"
                + "3\t\\\\.\n"
                + "\\.   \n"
                + "4\t$$\n"
                + "\\.\r\n"
                + "-- after\n"
                + "SELECT 2;";
        SqlScript script = splitter.split(text, "test.sql");
        assertThat(script.statements()).extracting(SqlStatement::sql)
                .containsExactly("COPY public.t (a, b) FROM STDIN WITH (FORMAT text)", "SELECT 2");
        // "\\.   " is not the end marker (psql needs the line to be exactly \.): it goes to the server as data.
        assertThat(script.statements().get(0).copyData()).isEqualTo(
                "1\t'open quote\n2\t-- not a comment; /* nor this\n3\t\\\\.\n\\.   \n4\t$$\n");
        assertThat(script.statements().get(1).line()).isEqualTo(9);
    }

    @Test
    void copyDataRunsToTheEndOfTheFileWithoutBackslashDot() {
        SqlScript script = splitter.split("COPY t FROM stdin;\n1\n2\n", "test.sql");
        assertThat(script.statements()).hasSize(1);
        assertThat(script.statements().get(0).copyData()).isEqualTo("1\n2\n");
        assertThat(splitter.split("COPY t FROM stdin;", "t").statements().get(0).copyData()).isEmpty();
    }

    @Test
    void copyFromAFileOrToStdoutHasNoInlineData() {
        SqlScript script = splitter.split("COPY t FROM '/tmp/x.csv';\nSELECT 1;\nCOPY t TO STDOUT;\nSELECT 2;", "t");
        assertThat(script.statements()).extracting(SqlStatement::sql)
                .containsExactly("COPY t FROM '/tmp/x.csv'", "SELECT 1", "COPY t TO STDOUT", "SELECT 2");
        assertThat(script.statements()).extracting(SqlStatement::copyData).containsOnlyNulls();
    }

    @Test
    void codeAfterCopyFromStdinOnItsLineIsRefusedButACommentOrDirectiveIsFine() {
        assertThatThrownBy(() -> splitter.split("SELECT 0;\nCOPY t FROM stdin; SELECT 3;\n1\n\\.\n", "V1__x.sql"))
                .isInstanceOf(UnderwayException.class)
                .hasMessageContaining("V1__x.sql:2:").hasMessageContaining("SELECT 3;")
                .hasMessageContaining("next line");
        SqlScript script = splitter.split("COPY t FROM stdin; -- underway:allow UW015 reason=\"seed\"\n1\n\\.\n", "t");
        assertThat(script.statements().get(0).copyData()).isEqualTo("1\n");
        assertThat(script.statements().get(0).directives()).extracting(Directive::name).containsExactly("allow");
    }

    @Test
    void pgDumpRestrictLinesAreSkippedAndOtherPsqlMetaCommandsAreRefused() {
        SqlScript script = splitter.split("\\restrict abc123\nSELECT 1;\n\\unrestrict abc123\n", "dump.sql");
        assertThat(script.statements()).extracting(SqlStatement::sql).containsExactly("SELECT 1");
        assertThatThrownBy(() -> splitter.split("SELECT 1;\n\\connect other\nSELECT 2;", "dump.sql"))
                .isInstanceOf(UnderwayException.class)
                .hasMessageContaining("dump.sql:2:").hasMessageContaining("\\connect").hasMessageContaining("psql");
    }
}
