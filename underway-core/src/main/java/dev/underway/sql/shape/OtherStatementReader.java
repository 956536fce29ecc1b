package dev.underway.sql.shape;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Maintenance (VACUUM, CLUSTER, ANALYZE, REFRESH), LOCK, COMMENT, SET and DML statements. */
final class OtherStatementReader extends ShapeReader {
    private static final Set<String> WHERE_KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "between", "like",
            "ilike", "any", "all", "exists", "select", "from", "where", "true", "false", "limit", "order", "by", "returning",
            "asc", "desc", "interval", "current_date", "current_timestamp", "now", "case", "when", "then", "else", "end");

    OtherStatementReader(SqlStatement statement, boolean mysql) {
        super(statement, mysql);
    }

    StatementShape vacuum() {
        c.next();
        if (c.at("(")) {
            List<Token> opts = c.parenthesized();
            if (opts.stream().anyMatch(t -> t.is("FULL"))
                    && opts.stream().noneMatch(t -> t.is("false") || t.is("off") || t.text().equals("0"))) {
                modifiers.add(Modifier.FULL);
            }
        }
        while (c.at("FULL") || c.at("FREEZE") || c.at("VERBOSE") || c.at("ANALYZE") || c.at("ANALYSE")) {
            if (c.next().is("FULL")) {
                modifiers.add(Modifier.FULL);
            }
        }
        return shape(StatementKind.VACUUM, c.tableName());
    }

    StatementShape tableStatement(StatementKind kind, String... skip) {
        c.next();
        boolean skipped = true;
        while (skipped) {
            skipped = c.at("(") && !c.parenthesized().isEmpty();
            for (String w : skip) {
                skipped |= c.accept(w);
            }
        }
        return shape(kind, c.tableName());
    }

    /** MySQL OPTIMIZE TABLE: for InnoDB an online rebuild ({@code ALTER TABLE ... FORCE}). */
    StatementShape optimize() {
        c.next();
        c.accept("NO_WRITE_TO_BINLOG");
        c.accept("LOCAL");
        c.accept("TABLE");
        TableName table = c.tableName();
        return shape(StatementKind.ALTER_TABLE, table, List.of(), List.of(),
                List.of(AlterAction.of(ActionKind.REBUILD, "OPTIMIZE TABLE")));
    }

    StatementShape refresh() {
        c.next();
        if (!c.accept("MATERIALIZED", "VIEW")) {
            return StatementShape.of(StatementKind.UNKNOWN);
        }
        if (c.accept("CONCURRENTLY")) {
            modifiers.add(Modifier.CONCURRENTLY);
        }
        return shape(StatementKind.REFRESH_MATERIALIZED_VIEW, c.tableName());
    }

    StatementShape lock() {
        c.next();
        c.accept("TABLES");
        c.accept("TABLE");
        if (c.accept("ONLY")) {
            modifiers.add(Modifier.ONLY);
        }
        TableName table = c.tableName();
        String mode = "ACCESS EXCLUSIVE";
        if (c.accept("IN")) {
            mode = String.join(" ", c.until(Set.of("MODE")).stream().map(t -> t.text().toUpperCase(Locale.ROOT)).toList());
        } else if (mysql) {
            mode = c.at("READ") ? "READ" : "WRITE";
        }
        options.put("MODE", mode);
        return shape(StatementKind.LOCK_TABLE, table);
    }

    StatementShape comment() {
        c.next();
        c.accept("ON");
        if (c.accept("TABLE")) {
            return shape(StatementKind.CATALOG_ONLY, c.tableName(), List.of("COMMENT"), List.of(), List.of());
        }
        if (c.accept("COLUMN")) {
            TableName col = c.tableName();
            return shape(StatementKind.CATALOG_ONLY, col.schema() == null ? null : tableOfColumn(col),
                    List.of("COMMENT"), List.of(col.name()), List.of());
        }
        return StatementShape.of(StatementKind.CATALOG_ONLY);
    }

    private TableName tableOfColumn(TableName qualifiedColumn) {
        String s = qualifiedColumn.schema();
        return TableName.of(s);
    }

    StatementShape set() {
        if (c.accept("USE")) {
            return shape(StatementKind.SET, null, List.of("database"), List.of(), List.of());
        }
        boolean reset = c.accept("RESET");
        if (!reset) {
            c.next();
        }
        if (c.accept("LOCAL")) {
            modifiers.add(Modifier.LOCAL);
        }
        c.accept("SESSION");
        c.accept("GLOBAL");
        c.accept("@@SESSION");
        while (c.at("@") || c.at("@@") || c.at("SESSION") || c.at(".")) {
            c.next();
        }
        List<Token> name = c.until(Set.of("=", "TO", ":=", ","));
        String variable = name.stream().map(Token::text).reduce("", String::concat).toLowerCase(Locale.ROOT);
        variable = variable.replace("session.", "").replace("@@", "");
        if (c.accept("=") || c.accept("TO") || c.accept(":=")) {
            List<Token> value = c.until(Set.of(","));
            String v = value.size() == 1 ? unquote(value.get(0)) : value.stream().map(Token::text)
                    .reduce((a, b) -> a + " " + b).orElse("");
            options.put("VALUE", v);
        } else if (reset) {
            options.put("VALUE", "DEFAULT");
        }
        return shape(StatementKind.SET, null, List.of(variable), List.of(), List.of());
    }

    StatementShape with() {
        for (Token t : c.rest()) {
            if (t.is("INSERT") || t.is("UPDATE") || t.is("DELETE") || t.is("MERGE")) {
                return StatementShape.of(StatementKind.UNKNOWN);
            }
        }
        return StatementShape.of(StatementKind.SELECT);
    }

    StatementShape insert() {
        c.next();
        c.accept("IGNORE");
        c.accept("INTO");
        return shape(StatementKind.INSERT, c.tableName());
    }

    StatementShape update() {
        c.next();
        c.accept("ONLY");
        c.accept("LOW_PRIORITY");
        c.accept("IGNORE");
        TableName table = c.tableName();
        return whereClause(StatementKind.UPDATE, table);
    }

    StatementShape delete() {
        c.next();
        c.accept("LOW_PRIORITY");
        c.accept("QUICK");
        c.accept("IGNORE");
        c.accept("FROM");
        c.accept("ONLY");
        TableName table = c.tableName();
        return whereClause(StatementKind.DELETE, table);
    }

    private StatementShape whereClause(StatementKind kind, TableName table) {
        c.until(Set.of("WHERE"));
        List<String> columns = new ArrayList<>();
        if (c.accept("WHERE")) {
            modifiers.add(Modifier.WHERE);
            List<Token> where = c.rest();
            for (int i = 0; i < where.size(); i++) {
                Token t = where.get(i);
                boolean call = i + 1 < where.size() && where.get(i + 1).type() == TokenType.OPEN_PAREN;
                boolean identifier = t.type() == TokenType.QUOTED_IDENTIFIER
                        || (t.type() == TokenType.WORD && !WHERE_KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT)));
                if (identifier && !call) {
                    columns.add(t.identifier());
                }
            }
        }
        return shape(kind, table, List.of(), columns, List.of());
    }

    private static String unquote(Token t) {
        String s = t.text();
        if (t.type() == TokenType.STRING && s.length() >= 2 && (s.startsWith("'") || s.startsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
