package dev.underway.sql.shape;

import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The names PostgreSQL gives the columns of an index when it names the index itself
 * ({@code ChooseIndexColumnNames} with {@code FigureIndexColname}): a plain column by its name, an expression
 * by the function, column or construct at its top ({@code lower(email)} → {@code lower}, {@code (email::text)}
 * → {@code email}, {@code CASE} → {@code case}), anything else {@code expr}. Where the server's answer depends
 * on parse details this reader does not follow (typed literals, {@code TRIM}, {@code EXTRACT}), there is no
 * answer rather than a guess.
 */
final class PostgresIndexColumns {
    private static final String EXPR = "expr";
    /** Grammar constructs whose node the server names after something other than the word written. */
    private static final Set<String> UNSURE_CALLS = Set.of("trim", "extract", "treat", "collation");
    private static final Set<String> NAMELESS_WORDS = Set.of("true", "false", "null");
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone",
            "year", "month", "day", "hour", "minute", "second", "to");

    /** Thrown inside the reader when the name cannot be known for sure. */
    private static final class Unsure extends RuntimeException {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private PostgresIndexColumns() {
    }

    /** The names of the key elements (the tokens inside {@code ON t (...)}) and the INCLUDE columns. */
    static Optional<List<String>> names(List<Token> keys, List<Token> include) {
        try {
            List<String> names = new ArrayList<>();
            for (List<Token> element : TokenCursor.splitCommas(keys)) {
                names.add(element(element));
            }
            names.addAll(TokenCursor.columnList(include));
            return names.isEmpty() ? Optional.empty() : Optional.of(names);
        } catch (Unsure e) {
            return Optional.empty();
        }
    }

    /** {@code col [COLLATE c] [opclass] [ASC|DESC] [NULLS ...]}, {@code func(...) ...} or {@code (expression) ...}. */
    private static String element(List<Token> element) {
        TokenCursor c = new TokenCursor(element);
        if (c.at("(")) {
            return orExpr(expression(c.parenthesized()));
        }
        if (!c.atIdentifier()) {
            throw new Unsure();
        }
        boolean call = c.peek(1) != null && (c.peek(1).type() == TokenType.OPEN_PAREN || TokenCursor.matches(c.peek(1), "."));
        return call ? orExpr(postfix(c, primary(c))) : c.identifier();
    }

    private static String orExpr(String name) {
        return name == null ? EXPR : name;
    }

    /** The name of an expression's top node, or null when it has none (operators, literals). */
    private static String expression(List<Token> tokens) {
        TokenCursor c = new TokenCursor(tokens);
        String name = postfix(c, primary(c));
        while (c.accept("AT")) {
            // AT TIME ZONE binds tighter than every operator but looser than casts and COLLATE.
            if (!c.accept("LOCAL")) {
                if (!c.accept("TIME", "ZONE")) {
                    throw new Unsure();
                }
                postfix(c, primary(c));
            }
            name = "timezone";
        }
        return c.atEnd() ? name : null;
    }

    private static String primary(TokenCursor c) {
        Token t = c.peek();
        if (t == null) {
            throw new Unsure();
        }
        if (c.at("(")) {
            List<Token> inner = c.parenthesized();
            return TokenCursor.splitCommas(inner).size() > 1 ? "row" : expression(inner);
        }
        if (t.type() == TokenType.STRING || t.type() == TokenType.NUMBER || t.type() == TokenType.PARAMETER) {
            c.next();
            return null;
        }
        if (!c.atIdentifier()) {
            c.next();
            return null;
        }
        if (c.accept("CASE")) {
            skipCase(c);
            return "case";
        }
        if (c.at("ARRAY", "(") || c.at("ARRAY", "[")) {
            c.next();
            skipBracketed(c);
            return "array";
        }
        if (c.at("CAST", "(")) {
            c.next();
            return castArgument(c.parenthesized());
        }
        String last = null;
        do {
            if (!c.atIdentifier()) {
                throw new Unsure();
            }
            last = c.identifier();
        } while (c.accept("."));
        if (c.at("(")) {
            if (UNSURE_CALLS.contains(last.toLowerCase(Locale.ROOT))) {
                throw new Unsure();
            }
            c.parenthesized();
            return last;
        }
        if (c.peek() != null && c.peek().type() == TokenType.STRING) {
            throw new Unsure();
        }
        if (NAMELESS_WORDS.contains(last.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return last;
    }

    /** Casts, COLLATE, subscripts and field selection: a cast of a nameless value takes the type's name. */
    private static String postfix(TokenCursor c, String name) {
        while (true) {
            if (c.accept("::")) {
                if (name == null) {
                    throw new Unsure();
                }
                skipType(c);
            } else if (c.accept("COLLATE")) {
                c.tableName();
            } else if (c.at("[")) {
                skipBracketed(c);
            } else if (c.accept(".")) {
                if (!c.atIdentifier()) {
                    throw new Unsure();
                }
                name = c.identifier();
            } else {
                return name;
            }
        }
    }

    private static String castArgument(List<Token> inner) {
        TokenCursor c = new TokenCursor(inner);
        List<Token> value = c.until(Set.of("AS"));
        String name = expression(value);
        if (name == null) {
            throw new Unsure();
        }
        return name;
    }

    private static void skipType(TokenCursor c) {
        if (c.tableName() == null) {
            throw new Unsure();
        }
        while (!c.atEnd()) {
            Token t = c.peek();
            if (c.at("(")) {
                c.parenthesized();
            } else if (c.at("[")) {
                skipBracketed(c);
            } else if (t.type() == TokenType.WORD && TYPE_WORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                c.next();
            } else {
                return;
            }
        }
    }

    /** {@code [...]} (nested) or {@code (...)} at the cursor. */
    private static void skipBracketed(TokenCursor c) {
        if (c.at("(")) {
            c.parenthesized();
            return;
        }
        int depth = 0;
        do {
            Token t = next(c);
            depth += TokenCursor.matches(t, "[") ? 1 : TokenCursor.matches(t, "]") ? -1 : 0;
        } while (depth > 0);
    }

    /** The rest of a CASE expression, through its END (CASE inside parentheses is skipped with them). */
    private static void skipCase(TokenCursor c) {
        int depth = 1;
        while (depth > 0) {
            if (c.at("(")) {
                c.parenthesized();
                continue;
            }
            Token t = next(c);
            depth += t.is("CASE") ? 1 : t.is("END") ? -1 : 0;
        }
    }

    private static Token next(TokenCursor c) {
        Token t = c.next();
        if (t == null) {
            throw new Unsure();
        }
        return t;
    }
}
