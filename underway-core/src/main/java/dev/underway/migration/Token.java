package dev.underway.migration;

import java.util.Locale;

/**
 * One lexical token.
 *
 * @param start offset of the first character in the source
 * @param end   offset after the last character
 * @param line  1-based line of the first character
 */
public record Token(TokenType type, String text, int start, int end, int line) {

    /** True for a WORD token equal to {@code keyword}, ignoring case. */
    public boolean is(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The identifier this token names: unquoted words in lower case, quoted ones as written. */
    public String identifier() {
        return switch (type) {
            case QUOTED_IDENTIFIER -> {
                char q = text.charAt(0);
                yield text.substring(1, text.length() - 1).replace("" + q + q, "" + q);
            }
            case WORD -> text.toLowerCase(Locale.ROOT);
            default -> text;
        };
    }
}
