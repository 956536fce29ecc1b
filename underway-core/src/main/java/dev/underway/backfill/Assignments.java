package dev.underway.backfill;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.migration.RowChange;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;
import dev.underway.sql.SqlSyntax;

import java.util.ArrayList;
import java.util.List;

/** Reads a backfill's {@code --set} text into {@link RowChange.Assign assignments}, refusing what would reach outside them. */
final class Assignments {
    private Assignments() {
    }

    static RowChange.Assign parse(String text, SqlSyntax syntax) {
        List<RowChange.Assignment> out = new ArrayList<>();
        for (List<Token> part : splitTopLevel(tokens(text, syntax))) {
            out.add(assignment(part, text));
        }
        return new RowChange.Assign(out);
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

    private static RowChange.Assignment assignment(List<Token> part, String text) {
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
        return new RowChange.Assignment(name, all.substring(from).strip());
    }
}
