package dev.underway.migration;

/** Token kinds. Whitespace and comments are tokens too, so the token stream is lossless. */
public enum TokenType {
    WHITESPACE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    /** MySQL {@code /*! ... *\/}: a comment to other engines, code to MySQL. */
    VERSION_COMMENT,
    /** A keyword or unquoted identifier. */
    WORD,
    /** {@code "ident"} (PostgreSQL) or {@code `ident`} (MySQL). */
    QUOTED_IDENTIFIER,
    /** Any string literal: {@code '..'}, {@code E'..'}, {@code $$..$$}, MySQL {@code ".."}. */
    STRING,
    NUMBER,
    /** {@code $1} */
    PARAMETER,
    OPEN_PAREN,
    CLOSE_PAREN,
    /** Operators and punctuation other than parentheses and the terminator. */
    SYMBOL,
    /** {@code ;} or the current MySQL {@code DELIMITER}. */
    TERMINATOR;

    public boolean isCode() {
        return this != WHITESPACE && this != LINE_COMMENT && this != BLOCK_COMMENT;
    }
}
