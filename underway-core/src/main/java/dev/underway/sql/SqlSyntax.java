package dev.underway.sql;

/**
 * The lexical quirks of one SQL engine, as data. The lexer is shared; each dialect hands it
 * one of these.
 *
 * @param nestedBlockComments  {@code /* /* *\/ *\/} nests (PostgreSQL)
 * @param hashComments         {@code #} starts a line comment (MySQL)
 * @param dashCommentNeedsSpace {@code --} is a comment only when followed by whitespace (MySQL)
 * @param backslashEscapes     backslash escapes in ordinary quoted strings (MySQL default sql_mode)
 * @param doubleQuotedStrings  {@code "..."} is a string literal, not an identifier (MySQL without ANSI_QUOTES)
 * @param backtickIdentifiers  {@code `name`} quotes identifiers (MySQL)
 * @param dollarQuotes         {@code $$...$$} and {@code $tag$...$tag$} (PostgreSQL)
 * @param escapeStrings        {@code E'...'} strings with backslash escapes (PostgreSQL)
 * @param versionComments      {@code /*! ... *\/} is executable code (MySQL)
 * @param delimiterCommand     the client-side {@code DELIMITER} command (MySQL)
 * @param psqlBlocks           psql's rules: semicolons inside parentheses and inside
 *                             {@code CREATE FUNCTION ... BEGIN ATOMIC ... END} do not end a statement, the lines
 *                             after {@code COPY ... FROM STDIN} up to {@code \.} are its data, and a line starting
 *                             with a backslash is a meta-command
 */
public record SqlSyntax(
        boolean nestedBlockComments,
        boolean hashComments,
        boolean dashCommentNeedsSpace,
        boolean backslashEscapes,
        boolean doubleQuotedStrings,
        boolean backtickIdentifiers,
        boolean dollarQuotes,
        boolean escapeStrings,
        boolean versionComments,
        boolean delimiterCommand,
        boolean psqlBlocks) {
}
