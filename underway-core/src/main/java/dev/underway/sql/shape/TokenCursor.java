package dev.underway.sql.shape;

import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a statement's code tokens left to right; the classifier's only way to look at SQL. */
final class TokenCursor {
    private final List<Token> tokens;
    private int pos;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token next() {
        return atEnd() ? null : tokens.get(pos++);
    }

    int position() {
        return pos;
    }

    /** The tokens read since {@code start} (a {@link #position()} of this cursor, which may read a sub-list). */
    List<Token> since(int start) {
        return List.copyOf(tokens.subList(start, pos));
    }

    /** True when the next tokens are these words (ignoring case); a word of {@code "("} / {@code ","} matches that symbol. */
    boolean at(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !matches(t, words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean accept(String... words) {
        if (at(words)) {
            pos += words.length;
            return true;
        }
        return false;
    }

    static boolean matches(Token t, String word) {
        return Character.isLetter(word.charAt(0)) ? t.is(word) : t.type() != TokenType.WORD && t.text().equals(word);
    }

    boolean atIdentifier() {
        Token t = peek();
        return t != null && (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER);
    }

    /** An identifier (quoted or not), or null when the next token is not one. */
    String identifier() {
        return atIdentifier() ? next().identifier() : null;
    }

    /** {@code name}, {@code schema.name} or {@code db.schema.name} (the last two parts are kept). */
    TableName tableName() {
        String first = identifier();
        if (first == null) {
            return null;
        }
        String schema = null;
        String name = first;
        while (at(".") && peek(1) != null) {
            next();
            schema = name;
            name = identifier();
            if (name == null) {
                return null;
            }
        }
        return new TableName(schema, name);
    }

    /** The tokens inside the parentheses that open at the cursor (which is left after the closing one). */
    List<Token> parenthesized() {
        if (!at("(")) {
            return List.of();
        }
        next();
        List<Token> inner = new ArrayList<>();
        int depth = 1;
        while (!atEnd()) {
            Token t = next();
            if (t.type() == TokenType.OPEN_PAREN) {
                depth++;
            } else if (t.type() == TokenType.CLOSE_PAREN && --depth == 0) {
                return inner;
            }
            inner.add(t);
        }
        return inner;
    }

    /** Tokens up to (not including) a top-level token that is one of {@code stops} (words, or symbols such as ","). */
    List<Token> until(Set<String> stops) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && stops.stream().anyMatch(s -> matches(t, s))) {
                break;
            }
            depth += nesting(t);
            out.add(next());
        }
        return out;
    }

    /** +1 for a token that opens a nesting level ({@code (}, or {@code [} of an array), -1 for one that closes it. */
    static int nesting(Token t) {
        if (t.type() == TokenType.OPEN_PAREN || t.type() == TokenType.SYMBOL && t.text().equals("[")) {
            return 1;
        }
        return t.type() == TokenType.CLOSE_PAREN || t.type() == TokenType.SYMBOL && t.text().equals("]") ? -1 : 0;
    }

    List<Token> rest() {
        List<Token> out = new ArrayList<>(tokens.subList(Math.min(pos, tokens.size()), tokens.size()));
        pos = tokens.size();
        return out;
    }

    /** Splits tokens at top-level commas (not those inside parentheses or array brackets: {@code array['a', 'b']}). */
    static List<List<Token>> splitCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            if (depth == 0 && t.type() == TokenType.SYMBOL && t.text().equals(",")) {
                parts.add(current);
                current = new ArrayList<>();
                continue;
            }
            depth += nesting(t);
            current.add(t);
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** The identifiers in a column list such as {@code (a, b DESC)}: the first identifier of each element. */
    static List<String> columnList(List<Token> inner) {
        List<String> cols = new ArrayList<>();
        for (List<Token> part : splitCommas(inner)) {
            if (!part.isEmpty() && (part.get(0).type() == TokenType.WORD || part.get(0).type() == TokenType.QUOTED_IDENTIFIER)) {
                cols.add(part.get(0).identifier());
            }
        }
        return cols;
    }

    /** The source text of a token run, as written (tokens keep their offsets into the file). */
    static String text(dev.underway.migration.SqlStatement statement, List<Token> run) {
        if (run.isEmpty()) {
            return "";
        }
        int base = statement.tokens().get(0).start();
        return statement.sql().substring(run.get(0).start() - base, run.get(run.size() - 1).end() - base);
    }
}
