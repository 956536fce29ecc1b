package dev.underway.sql;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.Directive;
import dev.underway.migration.SqlScript;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL file into statements the way the engine's own client would: psql for
 * PostgreSQL (semicolons inside parentheses or a {@code BEGIN ATOMIC ... END} function body
 * do not split; the lines after {@code COPY ... FROM STDIN} up to {@code \.} are its data;
 * pg_dump's {@code \restrict} lines are skipped), the mysql client for MySQL/MariaDB (the
 * {@code DELIMITER} command).
 */
public final class StatementSplitter {
    private final SqlSyntax syntax;

    public StatementSplitter(SqlSyntax syntax) {
        this.syntax = syntax;
    }

    public SqlScript split(String text, String source) {
        return new Run(text, source).split();
    }

    /** The state of one pass over one file. */
    private final class Run {
        private final String text;
        private final String source;
        private final Lexer lexer;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<Directive> allDirectives = new ArrayList<>();
        private String delimiter = ";";

        private final List<Token> code = new ArrayList<>();
        private final List<Directive> directives = new ArrayList<>();
        private final PsqlBlockTracker blocks = new PsqlBlockTracker();
        /** The statement just finished, which may still receive a comment on its last line. */
        private int trailingFor = -1;

        Run(String text, String source) {
            this.text = text;
            this.source = source;
            this.lexer = new Lexer(text, syntax, source);
        }

        SqlScript split() {
            while (!lexer.atEnd()) {
                Token token = lexer.next(delimiter);
                switch (token.type()) {
                    case WHITESPACE -> {
                        if (token.text().indexOf('\n') >= 0 || token.text().indexOf('\r') >= 0) {
                            trailingFor = -1;
                        }
                    }
                    case LINE_COMMENT, BLOCK_COMMENT -> comment(token);
                    case TERMINATOR -> terminator(token);
                    default -> codeToken(token);
                }
            }
            if (!code.isEmpty()) {
                blocks.checkClosed(source);
                finish(syntax.psqlBlocks() && copiesFromStdin() ? "" : null);
            }
            return new SqlScript(statements, allDirectives);
        }

        private void comment(Token token) {
            if (token.type() != TokenType.LINE_COMMENT) {
                return;
            }
            Directive d = Directive.parse(token, source);
            if (d == null) {
                return;
            }
            allDirectives.add(d);
            if (code.isEmpty() && trailingFor >= 0) {
                SqlStatement prev = statements.get(trailingFor);
                List<Directive> merged = new ArrayList<>(prev.directives());
                merged.add(d);
                statements.set(trailingFor, new SqlStatement(prev.index(), prev.sql(), prev.line(), prev.tokens(), merged));
            } else {
                directives.add(d);
            }
        }

        private void terminator(Token token) {
            if (syntax.psqlBlocks() && blocks.inside()) {
                codeToken(new Token(TokenType.SYMBOL, token.text(), token.start(), token.end(), token.line()));
                return;
            }
            if (code.isEmpty()) {
                return;
            }
            if (syntax.psqlBlocks() && copiesFromStdin()) {
                String rest = lexer.restOfLine();
                restOfCopyLine(rest, token);
                finish(lexer.copyData());
                return;
            }
            finish(null);
            trailingFor = statements.size() - 1;
        }

        /** {@code COPY ... FROM STDIN}: psql sends it, then reads the rows that follow it in the file. */
        private boolean copiesFromStdin() {
            if (!code.get(0).is("COPY")) {
                return false;
            }
            for (int i = 1; i + 1 < code.size(); i++) {
                if (code.get(i).is("FROM") && code.get(i + 1).is("STDIN")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * psql reads the data from the line after the COPY, and would run code written after it on its line only once
         * the data is done: that order is not what the file shows, so it is refused. A comment there is fine.
         */
        private void restOfCopyLine(String rest, Token terminator) {
            String after = rest.strip();
            if (after.isEmpty()) {
                return;
            }
            if (!after.startsWith("--")) {
                throw UnderwayException.of(Reason.BAD_FILE, source + ":" + terminator.line() + ": '" + after + "' follows COPY ... FROM"
                        + " stdin on its line; psql reads the COPY's data from the next line and would run this only"
                        + " after the data. Put it on a line after the data's closing \\.").at(source, terminator.line());
            }
            comment(new Token(TokenType.LINE_COMMENT, after, terminator.end(), terminator.end() + rest.length(),
                    terminator.line()));
        }

        private void codeToken(Token token) {
            trailingFor = -1;
            if (code.isEmpty() && syntax.delimiterCommand() && token.is("DELIMITER")
                    && lexer.atLineStart(token.start())) {
                changeDelimiter(token);
                return;
            }
            if (code.isEmpty() && syntax.psqlBlocks() && token.text().equals("\\") && lexer.atLineStart(token.start())) {
                metaCommand(token);
                return;
            }
            if (syntax.psqlBlocks()) {
                blocks.accept(token);
            }
            code.add(token);
        }

        /**
         * A psql meta-command is not SQL and Underway runs no psql. pg_dump (since 17.6, 16.10, 15.14, ...) writes
         * <code>&#92;restrict KEY</code> and <code>&#92;unrestrict KEY</code> around every plain dump so that psql refuses other
         * meta-commands in between; with no meta-commands run at all, skipping them keeps that promise.
         */
        private void metaCommand(Token backslash) {
            String command = lexer.restOfLine().strip();
            String name = command.isEmpty() ? "" : command.split("\\s+")[0];
            if (!name.equals("restrict") && !name.equals("unrestrict")) {
                throw UnderwayException.of(Reason.BAD_FILE, source + ":" + backslash.line() + ": \\" + command + " is a psql"
                        + " meta-command, not SQL; Underway sends each statement to the server itself, without psql."
                        + " Remove it (pg_dump's \\restrict and \\unrestrict lines are skipped)").at(source, backslash.line());
            }
        }

        private void changeDelimiter(Token token) {
            if (!lexer.atEnd() && !Character.isWhitespace(lexer.peekChar())) {
                // mysql's find_command() matches "delimiter" only as a word of its own: it sends this line as SQL.
                throw UnderwayException.of(Reason.BAD_FILE, source + ":" + token.line() + ": '" + token.text() + lexer.restOfLine()
                        + "' is not a DELIMITER command: the mysql client needs a space after DELIMITER and would send"
                        + " this line to the server, where it is a syntax error. Write DELIMITER ; (or DELIMITER $$)").at(source, token.line());
            }
            String rest = lexer.restOfLine().strip();
            String value = rest.isEmpty() ? "" : rest.split("\\s+")[0];
            if (value.isEmpty()) {
                throw UnderwayException.of(Reason.BAD_FILE, source + ":" + token.line()
                        + ": DELIMITER needs a value, e.g. DELIMITER $$ (and DELIMITER ; to switch back)");
            }
            delimiter = value;
        }

        private void finish(String copyData) {
            Token first = code.get(0);
            Token last = code.get(code.size() - 1);
            String sql = text.substring(first.start(), last.end());
            statements.add(new SqlStatement(statements.size(), sql, first.line(), code, directives, copyData));
            code.clear();
            directives.clear();
            blocks.reset();
        }
    }

    /**
     * psql's heuristic for where a statement may contain semicolons: inside parentheses, and in
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} between {@code BEGIN} and its {@code END}
     * (counting {@code CASE ... END} inside).
     */
    private static final class PsqlBlockTracker {
        private int parenDepth;
        private int beginDepth;
        private int words;
        private final StringBuilder head = new StringBuilder();
        private Token openedParen;
        private Token openedBegin;

        boolean inside() {
            return parenDepth > 0 || beginDepth > 0;
        }

        void accept(Token t) {
            switch (t.type()) {
                case OPEN_PAREN -> {
                    if (parenDepth++ == 0) {
                        openedParen = t;
                    }
                }
                case CLOSE_PAREN -> parenDepth = Math.max(0, parenDepth - 1);
                case WORD -> word(t);
                default -> { }
            }
        }

        private void word(Token t) {
            if (words < 4) {
                String w = t.text().toLowerCase(java.util.Locale.ROOT);
                if (List.of("create", "or", "replace", "function", "procedure").contains(w)) {
                    head.append(w.charAt(0));
                } else {
                    head.append('-');
                }
            }
            words++;
            String h = head.toString();
            boolean routine = h.startsWith("cf") || h.startsWith("cp") || h.startsWith("corf") || h.startsWith("corp");
            if (!routine || parenDepth > 0) {
                return;
            }
            if (t.is("BEGIN")) {
                if (beginDepth++ == 0) {
                    openedBegin = t;
                }
            } else if (t.is("CASE") && beginDepth >= 1) {
                beginDepth++;
            } else if (t.is("END") && beginDepth > 0) {
                beginDepth--;
            }
        }

        void checkClosed(String source) {
            if (parenDepth > 0) {
                throw UnderwayException.of(Reason.BAD_FILE, source + ":" + openedParen.line()
                        + ": parenthesis opened here is never closed; the rest of the file would run as one statement");
            }
            if (beginDepth > 0) {
                throw UnderwayException.of(Reason.BAD_FILE, source + ":" + openedBegin.line()
                        + ": BEGIN here has no matching END; the rest of the file would run as one statement");
            }
        }

        void reset() {
            parenDepth = 0;
            beginDepth = 0;
            words = 0;
            head.setLength(0);
        }
    }
}
