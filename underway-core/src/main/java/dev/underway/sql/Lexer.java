package dev.underway.sql;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

/**
 * A hand-written SQL lexer shared by all engines; the engine's quirks come from
 * {@link SqlSyntax}. It never loses a character: concatenating the token texts gives the
 * input back. Unterminated strings, comments and quoted identifiers are errors that name
 * the source and the line where they start.
 */
public final class Lexer {
    private final String src;
    private final SqlSyntax syntax;
    private final String source;
    private int pos;
    private int line = 1;

    public Lexer(String src, SqlSyntax syntax, String source) {
        this.src = src;
        this.syntax = syntax;
        this.source = source;
    }

    public boolean atEnd() {
        return pos >= src.length();
    }

    /** True when only spaces and tabs stand between the start of the current line and the position. */
    public boolean atLineStart(int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = src.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The character at the position (call only when not {@link #atEnd()}). */
    public char peekChar() {
        return src.charAt(pos);
    }

    /** Consumes the rest of the current line (without the line break) and returns it. */
    public String restOfLine() {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
        return src.substring(start, pos);
    }

    /**
     * The data of a {@code COPY ... FROM STDIN}, read as psql reads it from a script: the lines after the current one
     * (whose rest must already be consumed) up to a line that is exactly {@code \.} (that line is consumed and not
     * part of the data) or the end of the input. Line breaks stay as written.
     */
    public String copyData() {
        skipLineBreak();
        int start = pos;
        while (pos < src.length()) {
            int lineStart = pos;
            String content = restOfLine();
            if (content.equals("\\.")) {
                String data = src.substring(start, lineStart);
                skipLineBreak();
                return data;
            }
            skipLineBreak();
        }
        return src.substring(start);
    }

    private void skipLineBreak() {
        if (pos < src.length() && src.charAt(pos) == '\r') {
            advance();
        }
        if (pos < src.length() && src.charAt(pos) == '\n') {
            advance();
        }
    }

    /** The next token; {@code delimiter} is the current statement terminator. */
    public Token next(String delimiter) {
        int start = pos;
        int startLine = line;
        char c = src.charAt(pos);
        TokenType type;
        if (Character.isWhitespace(c)) {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                advance();
            }
            type = TokenType.WHITESPACE;
        } else if (src.startsWith(delimiter, pos)) {
            pos += delimiter.length();
            type = TokenType.TERMINATOR;
        } else if (c == '-' && peek(1) == '-' && (!syntax.dashCommentNeedsSpace() || isSpaceOrEnd(peek(2)))) {
            restOfLine();
            type = TokenType.LINE_COMMENT;
        } else if (c == '#' && syntax.hashComments()) {
            restOfLine();
            type = TokenType.LINE_COMMENT;
        } else if (c == '/' && peek(1) == '*') {
            type = blockComment(startLine);
        } else if (c == '\'') {
            quoted('\'', syntax.backslashEscapes(), startLine, "string");
            type = TokenType.STRING;
        } else if (c == '"') {
            boolean string = syntax.doubleQuotedStrings();
            quoted('"', string && syntax.backslashEscapes(), startLine, string ? "string" : "quoted identifier");
            type = string ? TokenType.STRING : TokenType.QUOTED_IDENTIFIER;
        } else if (c == '`' && syntax.backtickIdentifiers()) {
            quoted('`', false, startLine, "quoted identifier");
            type = TokenType.QUOTED_IDENTIFIER;
        } else if (c == '$' && syntax.dollarQuotes()) {
            type = dollar(startLine);
        } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            number();
            type = TokenType.NUMBER;
        } else if (isIdentifierStart(c)) {
            type = wordOrPrefixedString(startLine, delimiter);
        } else if (c == '(') {
            pos++;
            type = TokenType.OPEN_PAREN;
        } else if (c == ')') {
            pos++;
            type = TokenType.CLOSE_PAREN;
        } else {
            pos += (c == ':' && peek(1) == ':') ? 2 : 1;
            type = TokenType.SYMBOL;
        }
        return new Token(type, src.substring(start, pos), start, pos, startLine);
    }

    private TokenType blockComment(int startLine) {
        boolean version = syntax.versionComments() && peek(2) == '!';
        pos += 2;
        int depth = 1;
        while (depth > 0) {
            if (pos >= src.length()) {
                throw error(startLine, "unterminated " + (version ? "/*! version comment" : "/* comment")
                        + " (no closing */)");
            }
            char c = src.charAt(pos);
            if (c == '*' && peek(1) == '/') {
                pos += 2;
                depth--;
            } else if (c == '/' && peek(1) == '*' && syntax.nestedBlockComments()) {
                pos += 2;
                depth++;
            } else {
                advance();
            }
        }
        return version ? TokenType.VERSION_COMMENT : TokenType.BLOCK_COMMENT;
    }

    /** Reads a quoted run starting at {@code pos}; a doubled quote stands for itself. */
    private void quoted(char quote, boolean backslashEscapes, int startLine, String what) {
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw error(startLine, "unterminated " + what + " (no closing " + quote + ")");
            }
            char c = src.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos++;
                if (pos < src.length()) {
                    advance();
                }
            } else if (c == quote) {
                pos++;
                if (pos < src.length() && src.charAt(pos) == quote) {
                    pos++;
                } else {
                    return;
                }
            } else {
                advance();
            }
        }
    }

    /** {@code $$...$$}, {@code $tag$...$tag$}, a {@code $1} parameter, or a lone {@code $}. */
    private TokenType dollar(int startLine) {
        if (isDigit(peek(1))) {
            pos++;
            while (isDigit(peek(0))) {
                pos++;
            }
            return TokenType.PARAMETER;
        }
        int tagEnd = pos + 1;
        if (tagEnd < src.length() && isIdentifierStart(src.charAt(tagEnd))) {
            while (tagEnd < src.length() && isTagPart(src.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (tagEnd >= src.length() || src.charAt(tagEnd) != '$') {
            pos++;
            return TokenType.SYMBOL;
        }
        String tag = src.substring(pos, tagEnd + 1);
        int close = src.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw error(startLine, "unterminated dollar-quoted string (no closing " + tag + ")");
        }
        while (pos < close + tag.length()) {
            advance();
        }
        return TokenType.STRING;
    }

    private void number() {
        if (peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos += 2;
            while (Character.digit(peek(0), 16) >= 0) {
                pos++;
            }
            return;
        }
        while (isDigit(peek(0))) {
            pos++;
        }
        if (peek(0) == '.' && peek(1) != '.') {
            pos++;
            while (isDigit(peek(0))) {
                pos++;
            }
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
            pos += 2;
            while (isDigit(peek(0))) {
                pos++;
            }
        }
    }

    /** A word, or a PostgreSQL {@code E'..'} / {@code U&'..'} string, or a {@code U&".."} identifier. */
    private TokenType wordOrPrefixedString(int startLine, String delimiter) {
        char c = src.charAt(pos);
        if (syntax.escapeStrings() && (c == 'E' || c == 'e') && peek(1) == '\'') {
            pos++;
            quoted('\'', true, startLine, "escape string");
            return TokenType.STRING;
        }
        if (syntax.escapeStrings() && (c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            char q = peek(2);
            pos += 2;
            quoted(q, false, startLine, q == '"' ? "quoted identifier" : "unicode string");
            return q == '"' ? TokenType.QUOTED_IDENTIFIER : TokenType.STRING;
        }
        // Like the mysql client, a custom delimiter ends a word even where it could continue it (END$$).
        boolean custom = !delimiter.equals(";");
        while (pos < src.length() && isIdentifierPart(src.charAt(pos)) && !(custom && src.startsWith(delimiter, pos))) {
            pos++;
        }
        return TokenType.WORD;
    }

    private void advance() {
        char c = src.charAt(pos++);
        if (c == '\n' || (c == '\r' && peek(0) != '\n')) {
            line++;
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private UnderwayException error(int atLine, String message) {
        return UnderwayException.of(Reason.BAD_FILE, source + ":" + atLine + ": " + message).at(source, atLine);
    }

    /** MySQL starts a {@code --} comment when a space or a control character (or the end) follows. */
    private static boolean isSpaceOrEnd(char c) {
        return c <= ' ' || c == 0x7F;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isTagPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
