package dev.underway.op;

import dev.underway.migration.Token;
import dev.underway.migration.TokenType;
import dev.underway.sql.Lexer;
import dev.underway.sql.SqlSyntax;

import java.util.Map;

import static dev.underway.dialect.postgres.PostgresQuoting.quote;

/** Small rewrites of user-written SQL expressions, done on tokens so strings and comments are never touched. */
final class Expressions {
    private Expressions() {
    }

    /**
     * Replaces references to columns (unquoted words compare case-insensitively, as PostgreSQL
     * folds them; quoted names exactly) by the quoted physical names, so that a check written
     * against {@code email} can be put on the hidden copy that carries it during the migration.
     * A word after a dot ({@code t.email}) is left alone: it is qualified by something else.
     */
    static String renameColumns(String expression, Map<String, String> renames, SqlSyntax syntax) {
        Lexer lexer = new Lexer(expression, syntax, "expression");
        StringBuilder out = new StringBuilder();
        Token previousCode = null;
        while (!lexer.atEnd()) {
            Token t = lexer.next("\u0000");
            String replacement = null;
            boolean afterDot = previousCode != null && previousCode.type() == TokenType.SYMBOL
                    && previousCode.text().equals(".");
            if (!afterDot && (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER)) {
                String target = renames.get(t.identifier());
                if (target != null) {
                    replacement = quote(target);
                }
            }
            out.append(replacement != null ? replacement : t.text());
            if (t.type().isCode()) {
                previousCode = t;
            }
        }
        return out.toString();
    }

    /** An expression or a scalar query, as a value: {@code (expr)}. */
    static String value(String expression) {
        return "(" + expression.strip() + ")";
    }

    /**
     * True when the expression is nothing but the column itself ({@code review}, {@code "review"}): pgroll's files
     * often give such an {@code up}, which asks for no computation, so no copy is needed for it.
     */
    static boolean isColumn(String expression, String column, SqlSyntax syntax) {
        Lexer lexer = new Lexer(expression, syntax, "expression");
        Token only = null;
        while (!lexer.atEnd()) {
            Token t = lexer.next("\u0000");
            if (t.type().isCode()) {
                if (only != null) {
                    return false;
                }
                only = t;
            }
        }
        return only != null && (only.type() == TokenType.WORD || only.type() == TokenType.QUOTED_IDENTIFIER)
                && only.identifier().equals(column);
    }

    /** The names an expression may refer to: every word and quoted identifier, as PostgreSQL resolves them. */
    static java.util.Set<String> names(String expression, SqlSyntax syntax) {
        Lexer lexer = new Lexer(expression, syntax, "expression");
        java.util.Set<String> out = new java.util.HashSet<>();
        while (!lexer.atEnd()) {
            Token t = lexer.next("\u0000");
            if (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER) {
                out.add(t.identifier());
            }
        }
        return out;
    }
}
