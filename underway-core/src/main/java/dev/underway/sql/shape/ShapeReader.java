package dev.underway.sql.shape;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The state of classifying one statement: its tokens, and the modifiers, options and references found so far. */
abstract class ShapeReader {
    static final Set<String> CATALOG_OBJECTS = Set.of("VIEW", "FUNCTION", "PROCEDURE", "SEQUENCE", "TYPE",
            "DOMAIN", "SCHEMA", "EXTENSION", "ROLE", "USER", "DATABASE", "AGGREGATE", "OPERATOR", "COLLATION",
            "EVENT", "SERVER", "PUBLICATION", "SUBSCRIPTION", "TEXT", "CAST", "LANGUAGE", "STATISTICS");

    final TokenCursor c;
    final Definitions defs;
    final boolean mysql;
    final Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
    final Map<String, String> options = new HashMap<>();
    final List<TableName> references = new ArrayList<>();

    ShapeReader(SqlStatement statement, boolean mysql) {
        this.c = new TokenCursor(statement.tokens());
        this.defs = new Definitions(statement);
        this.mysql = mysql;
    }

    StatementShape shape(StatementKind kind, TableName table, List<String> names, List<String> columns,
                         List<AlterAction> actions) {
        return new StatementShape(kind, table, names, columns, actions, modifiers, options, references);
    }

    StatementShape shape(StatementKind kind, TableName table) {
        return shape(kind, table, List.of(), List.of(), List.of());
    }

    boolean objectIs(Set<String> objects) {
        Token t = c.peek();
        return t != null && t.type() == TokenType.WORD && objects.contains(t.text().toUpperCase(Locale.ROOT));
    }

    void ifExists() {
        if (c.accept("IF", "EXISTS")) {
            modifiers.add(Modifier.IF_EXISTS);
        }
    }

    void cascade() {
        while (!c.atEnd()) {
            if (c.accept("CASCADE")) {
                modifiers.add(Modifier.CASCADE);
            } else {
                c.next();
            }
        }
    }

    /** {@code ALGORITHM [=] x} and {@code LOCK [=] x} after CREATE/DROP INDEX on MySQL. */
    void mysqlTrailingOptions() {
        while (!c.atEnd()) {
            if (c.at("ALGORITHM") || c.at("LOCK")) {
                String key = c.next().text().toUpperCase(Locale.ROOT);
                c.accept("=");
                options.put(key, c.atEnd() ? "" : c.next().text().toUpperCase(Locale.ROOT));
            } else {
                c.next();
            }
        }
    }
}
