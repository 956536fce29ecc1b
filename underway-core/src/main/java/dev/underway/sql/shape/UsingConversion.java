package dev.underway.sql.shape;

import dev.underway.migration.Token;

import java.util.List;

/**
 * The {@code USING} of PostgreSQL's {@code ALTER COLUMN ... TYPE}: whether it converts values, or only says what
 * PostgreSQL does anyway (the column, or its cast to the new type), in which case the types alone decide whether the
 * table is rewritten (checked by relfilenode in the trace corpus).
 */
final class UsingConversion {
    private UsingConversion() {
    }

    /**
     * The USING expression's text when it converts values; null when it is the column itself or its cast to the new type,
     * which PostgreSQL applies anyway (and then decides from the types whether to rewrite; checked by relfilenode).
     */
    static String of(Definitions defs, List<Token> expr, String column, SqlType type) {
        List<Token> e = unwrap(expr);
        TokenCursor c = new TokenCursor(e);
        if (c.accept("CAST") && c.at("(")) {
            List<Token> inner = c.parenthesized();
            int as = indexOfWord(inner, "AS");
            boolean plain = c.atEnd() && as > 0 && isColumn(inner.subList(0, as), column)
                    && sameType(defs, inner.subList(as + 1, inner.size()), type);
            return plain ? null : defs.text(expr);
        }
        int cast = -1;
        for (int i = 0, depth = 0; i < e.size(); i++) {
            depth += TokenCursor.nesting(e.get(i));
            if (depth == 0 && e.get(i).text().equals("::")) {
                cast = i;
            }
        }
        boolean plain = cast < 0 ? isColumn(e, column)
                : isColumn(e.subList(0, cast), column) && sameType(defs, e.subList(cast + 1, e.size()), type);
        return plain ? null : defs.text(expr);
    }

    private static List<Token> unwrap(List<Token> e) {
        List<Token> out = e;
        while (out.size() >= 2 && out.get(0).text().equals("(") && out.get(out.size() - 1).text().equals(")")
                && new TokenCursor(out).parenthesized().size() == out.size() - 2) {
            out = out.subList(1, out.size() - 1);
        }
        return out;
    }

    private static int indexOfWord(List<Token> tokens, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code c}, {@code t.c} or {@code s.t.c} naming {@code column}. */
    private static boolean isColumn(List<Token> tokens, String column) {
        TokenCursor c = new TokenCursor(unwrap(tokens));
        TableName ref = c.tableName();
        return ref != null && c.atEnd() && ref.name().equals(column);
    }

    private static boolean sameType(Definitions defs, List<Token> tokens, SqlType type) {
        TokenCursor c = new TokenCursor(tokens);
        SqlType t = defs.type(c);
        return t != null && c.atEnd() && type != null && t.name().equals(type.name()) && t.args().equals(type.args())
                && t.array() == type.array();
    }
}
