package dev.underway.backfill;

import dev.underway.UnderwayException;
import dev.underway.sql.Lexer;
import dev.underway.sql.SqlSyntax;
import dev.underway.sql.Token;
import dev.underway.sql.TokenType;

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
        String previousWord = "";
        while (!lexer.atEnd()) {
            Token t = lexer.next(";");
            if (t.type() == TokenType.TERMINATOR) {
                throw refuse(option, text, "contains ';'");
            }
            if (t.type() == TokenType.LINE_COMMENT || t.type() == TokenType.BLOCK_COMMENT
                    || t.type() == TokenType.VERSION_COMMENT) {
                throw refuse(option, text, "contains a comment");
            }
            depth += t.type() == TokenType.OPEN_PAREN ? 1 : t.type() == TokenType.CLOSE_PAREN ? -1 : 0;
            if (depth < 0) {
                throw refuse(option, text, "closes a parenthesis it did not open");
            }
            String word = t.type() == TokenType.WORD ? t.text().toUpperCase(Locale.ROOT) : "";
            // FROM in "a IS DISTINCT FROM b" is an operator, not a clause.
            boolean operator = word.equals("FROM") && previousWord.equals("DISTINCT");
            if (depth == 0 && forbidden.contains(word) && !operator) {
                throw refuse(option, text, "has a " + word + " clause of its own");
            }
            if (t.type().isCode()) {
                previousWord = word;
            }
            tokens.add(t);
        }
        if (depth != 0) {
            throw refuse(option, text, "leaves a parenthesis open");
        }
        return tokens;
    }

    private static UnderwayException refuse(String option, String text, String why) {
        return UnderwayException.usage(option + " '" + text + "' " + why + "; give one expression (a predicate for"
                + " --where) that stands on its own, e.g. --set \"tier = coalesce(plan, 'free')\" --where \"tier IS NULL\"");
    }
}
