package dev.underway.backfill;

import dev.underway.Setting;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.sql.SqlSyntax;
import dev.underway.sql.Token;
import dev.underway.sql.TokenType;

import java.util.ArrayList;
import java.util.List;

/** What a backfill does to each row: set columns to expressions, or touch the row so its triggers fire. */
public sealed interface RowChange {

    /** {@code col = expr, ...}; each expression is evaluated by the batch's UPDATE on the row's current values. */
    record Assign(List<Assignment> assignments) implements RowChange {
        public Assign {
            if (assignments.isEmpty()) {
                throw UnderwayException.of(Reason.BAD_OPTION, "a backfill needs at least one assignment 'column = expression'");
            }
            assignments = List.copyOf(assignments);
        }

        @Override
        public String describe() {
            return String.join(", ", assignments.stream().map(a -> a.column() + " = " + a.expression()).toList());
        }
    }

    /** A no-op UPDATE of one writable column to itself: row triggers fire, no value changes. */
    record Touch() implements RowChange {
        @Override
        public String describe() {
            return "touch";
        }
    }

    /** A column and the SQL expression it is set to. */
    record Assignment(String column, String expression) {
    }

    /** How the change is recorded with its checkpoint (a resume must make the same change). */
    String describe();

    static RowChange touch() {
        return new Touch();
    }

    /**
     * Parses {@code "a = lower(b), c = 1"}: assignments split at top-level commas, each at its first
     * top-level {@code =}. A column may be quoted as the engine quotes identifiers.
     */
    static Assign parseSet(String text, SqlSyntax syntax) {
        List<Assignment> out = new ArrayList<>();
        for (List<Token> part : splitTopLevel(tokens(text, syntax))) {
            out.add(assignment(part, text));
        }
        return new Assign(out);
    }

    private static List<Token> tokens(String text, SqlSyntax syntax) {
        return SqlFragment.check(text, Setting.BACKFILL_SET.ref(), syntax, SqlFragment.CLAUSES);
    }

    private static List<List<Token>> splitTopLevel(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            depth += t.type() == TokenType.OPEN_PAREN ? 1 : t.type() == TokenType.CLOSE_PAREN ? -1 : 0;
            if (depth == 0 && t.type() == TokenType.SYMBOL && t.text().equals(",")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        return parts;
    }

    private static Assignment assignment(List<Token> part, String text) {
        List<Token> code = part.stream().filter(t -> t.type().isCode()).toList();
        boolean named = code.size() >= 3 && (code.get(0).type() == TokenType.WORD
                || code.get(0).type() == TokenType.QUOTED_IDENTIFIER);
        if (!named || !code.get(1).text().equals("=")) {
            throw UnderwayException.of(Reason.BAD_OPTION, "cannot read '" + text + "' as assignments: write column = expression"
                    + " [, column = expression ...], e.g. " + Setting.either("--set \"tier = 'free'\"", "set(\"tier = 'free'\")"));
        }
        Token column = code.get(0);
        int from = code.get(2).start() - part.get(0).start();
        StringBuilder all = new StringBuilder();
        part.forEach(t -> all.append(t.text()));
        String name = column.type() == TokenType.WORD ? column.text() : column.identifier();
        return new Assignment(name, all.substring(from).strip());
    }
}
