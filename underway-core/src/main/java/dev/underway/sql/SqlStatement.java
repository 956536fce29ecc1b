package dev.underway.sql;

import java.util.List;

/**
 * One statement of a migration file, as the database will receive it.
 *
 * @param index      0-based position in its file
 * @param sql        the statement text without its terminator and without leading comments
 * @param line       1-based file line of its first token
 * @param tokens     its code tokens (no whitespace or comments), for classification
 * @param directives directives written in comments before, inside or after it on its last line
 */
public record SqlStatement(int index, String sql, int line, List<Token> tokens, List<Directive> directives) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
        directives = List.copyOf(directives);
    }

    /** True when the statement starts with these words, ignoring case. */
    public boolean startsWith(String... words) {
        if (tokens.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(i).is(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** True when any code token is the given keyword. */
    public boolean contains(String keyword) {
        return tokens.stream().anyMatch(t -> t.is(keyword));
    }

    /** A one-line preview for messages. */
    public String preview(int max) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}
