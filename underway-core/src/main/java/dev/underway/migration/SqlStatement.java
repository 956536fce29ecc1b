package dev.underway.migration;


import java.util.List;

/**
 * One statement of a migration file, as the database will receive it.
 *
 * @param index      0-based position in its file
 * @param sql        the statement text without its terminator and without leading comments
 * @param line       1-based file line of its first token
 * @param tokens     its code tokens (no whitespace or comments), for classification
 * @param directives directives written in comments before, inside or after it on its last line
 * @param copyData   the data rows of a PostgreSQL {@code COPY ... FROM STDIN}, as psql reads them from the file
 *                   (the lines after the statement up to {@code \.}, line breaks included); null for other statements
 */
public record SqlStatement(int index, String sql, int line, List<Token> tokens, List<Directive> directives,
                           String copyData) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
        directives = List.copyOf(directives);
    }

    public SqlStatement(int index, String sql, int line, List<Token> tokens, List<Directive> directives) {
        this(index, sql, line, tokens, directives, null);
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

    /** The index of the first code token equal to {@code keyword} at or after {@code from}, or -1. */
    public int indexOf(String keyword, int from) {
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            if (tokens.get(i).is(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** The index after the name starting at token {@code i}, which may be qualified ({@code schema.table}). */
    public int afterName(int i) {
        int end = i + 1;
        while (end + 1 < tokens.size() && tokens.get(end).type() == TokenType.SYMBOL && tokens.get(end).text().equals(".")) {
            end += 2;
        }
        return end;
    }

    /** 1-based file line of its last character. */
    public int lastLine() {
        int breaks = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == sql.length() || sql.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return line + breaks;
    }

    /** A one-line preview for messages. */
    public String preview(int max) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}
