package dev.underway.backfill;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;
import dev.underway.sql.Lexer;
import dev.underway.sql.SqlSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL a user gives a backfill ({@code --set} expressions, the {@code --where} predicate) is
 * placed into the batch statements, so it must stay one closed piece: no statement end, no
 * comment that would hide the rest of the statement, parentheses that close what they open and
 * nothing more (otherwise {@code false) OR (true} escapes the batch's key range), and in SET no
 * clause of its own.
 */
final class SqlFragment {
    /** Words that would start a clause of the UPDATE itself when they stand outside parentheses. */
    static final Set<String> CLAUSES = Set.of("WHERE", "FROM", "RETURNING", "ORDER", "LIMIT", "USING");

    private SqlFragment() {
    }

    /** The fragment's tokens, after refusing what would reach outside it. */
    static List<Token> check(String text, String option, SqlSyntax syntax, Set<String> forbidden) {
        Lexer lexer = new Lexer(text, syntax, option);
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        List<String> words = new ArrayList<>();
        while (!lexer.atEnd()) {
            Token t = lexer.next(";");
            if (t.type() == TokenType.TERMINATOR) {
                throw refuse(option, text, "contains ';'");
            }
            if (t.type() == TokenType.LINE_COMMENT || t.type() == TokenType.BLOCK_COMMENT
                    || t.type() == TokenType.VERSION_COMMENT) {
                throw refuse(option, text, "contains a comment");
            }
            if (t.type() == TokenType.STRING && (t.text().startsWith("'") || t.text().startsWith("\""))
                    && t.text().indexOf('\\') >= 0) {
                // Where such a string ends depends on the server's settings (MySQL NO_BACKSLASH_ESCAPES,
                // PostgreSQL standard_conforming_strings), so it cannot be told to stay inside the fragment.
                throw refuse(option, text, "has a backslash in a quoted string, which the server reads one way or"
                        + " another depending on its settings; write the character another way (CHAR(92), chr(92),"
                        + " or an E'' string on PostgreSQL)");
            }
            if (t.type() == TokenType.PARAMETER || t.type() == TokenType.SYMBOL && t.text().contains("?")) {
                throw refuse(option, text, "contains '" + t.text() + "', which the batch statements (prepared"
                        + " statements) would take for one of their parameters; on PostgreSQL write jsonb_exists(doc,"
                        + " 'k') for doc ? 'k'");
            }
            depth += t.type() == TokenType.OPEN_PAREN ? 1 : t.type() == TokenType.CLOSE_PAREN ? -1 : 0;
            if (depth < 0) {
                throw refuse(option, text, "closes a parenthesis it did not open");
            }
            String word = t.type() == TokenType.WORD ? t.text().toUpperCase(Locale.ROOT) : "";
            if (depth == 0 && forbidden.contains(word) && !isDistinctFrom(words, word)) {
                throw refuse(option, text, "has a " + word + " clause of its own");
            }
            if (t.type().isCode()) {
                words.add(word);
            }
            tokens.add(t);
        }
        if (depth != 0) {
            throw refuse(option, text, "leaves a parenthesis open");
        }
        return tokens;
    }

    /** FROM in {@code a IS [NOT] DISTINCT FROM b} is an operator, not a clause. */
    private static boolean isDistinctFrom(List<String> before, String word) {
        int n = before.size();
        return word.equals("FROM") && n >= 2 && before.get(n - 1).equals("DISTINCT")
                && (before.get(n - 2).equals("IS") || n >= 3 && before.get(n - 2).equals("NOT")
                && before.get(n - 3).equals("IS"));
    }

    private static UnderwayException refuse(String option, String text, String why) {
        return UnderwayException.of(Reason.BAD_OPTION, option + " '" + text + "' " + why + "; give one expression (a predicate for"
                + " " + Setting.BACKFILL_WHERE.ref() + ") that stands on its own, e.g. " + Setting.either(
                "--set \"tier = coalesce(plan, 'free')\" --where \"tier IS NULL\"",
                "set(\"tier = coalesce(plan, 'free')\") and where(\"tier IS NULL\")"));
    }
}
