package dev.underway.dialect.mysql;

import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The DEFAULT of a column being added, as InnoDB sees it: a constant it can keep in the data
 * dictionary (INSTANT), or an expression it must evaluate for every existing row (a copy).
 */
final class DefaultExpression {
    /** MariaDB refuses INSTANT and INPLACE for these (pinned on 10.11 and 11.4: uuid() needs COPY, rand() does not). */
    private static final Set<String> NON_DETERMINISTIC = Set.of("uuid", "uuid_short", "sys_guid", "uuid_v4", "uuid_v7");
    /** Words in a default that are not column names: literals, operators, interval units, cast types. */
    private static final Set<String> NOT_COLUMNS = Set.of("null", "true", "false", "and", "or", "not", "xor", "is",
            "div", "mod", "case", "when", "then", "else", "end", "as", "interval", "collate", "current_timestamp",
            "current_date", "current_time", "localtime", "localtimestamp", "current_user", "microsecond", "second",
            "minute", "hour", "day", "week", "month", "quarter", "year", "char", "signed", "unsigned", "integer",
            "decimal", "date", "datetime", "time", "binary", "double", "float", "json");

    private final List<Token> tokens;

    DefaultExpression(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * MySQL's {@code DEFAULT (expr)}: parentheses make any default an expression (even a literal), which
     * MySQL does not add INSTANT; {@code DEFAULT CURRENT_TIMESTAMP} or {@code NOW()} without them is a constant.
     */
    boolean parenthesized() {
        return !tokens.isEmpty() && tokens.get(0).type() == TokenType.OPEN_PAREN;
    }

    /**
     * What MariaDB cannot store as a constant default: a non-deterministic call ({@code uuid()}) or a
     * reference to another column; null when the expression is made of literals and time or session functions.
     */
    String perRowPart() {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.OPEN_PAREN;
            String word = t.text().toLowerCase(Locale.ROOT);
            if (t.type() == TokenType.WORD && call && NON_DETERMINISTIC.contains(word)) {
                return word + "() differs per row";
            }
            // b'01', x'ff', N'..', _utf8mb4'..': a prefix of the literal that follows, not a column.
            boolean introducer = i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.STRING;
            if (t.type() == TokenType.QUOTED_IDENTIFIER
                    || t.type() == TokenType.WORD && !call && !introducer && !NOT_COLUMNS.contains(word)) {
                return "it refers to column " + t.identifier();
            }
        }
        return null;
    }
}
