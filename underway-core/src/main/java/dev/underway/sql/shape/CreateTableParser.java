package dev.underway.sql.shape;

import dev.underway.migration.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CREATE TABLE: its columns and constraints become ADD actions (so the schema model replays
 * them like ALTER TABLE), {@code PARTITION OF parent} and foreign keys become references.
 */
final class CreateTableParser {
    private final TokenCursor c;
    private final Definitions defs;
    private final boolean mysql;

    CreateTableParser(TokenCursor c, Definitions defs, boolean mysql) {
        this.c = c;
        this.defs = defs;
        this.mysql = mysql;
    }

    StatementShape parse(Set<Modifier> modifiers, Map<String, String> options, List<TableName> references) {
        c.accept("TABLE");
        if (c.accept("IF", "NOT", "EXISTS")) {
            modifiers.add(Modifier.IF_NOT_EXISTS);
        }
        TableName table = c.tableName();
        List<AlterAction> actions = new ArrayList<>();
        StatementKind kind = StatementKind.CREATE_TABLE;
        if (c.accept("PARTITION", "OF")) {
            TableName parent = c.tableName();
            references.add(parent);
            options.put("PARTITION_OF", parent.toString());
        }
        if (c.at("(")) {
            for (List<Token> element : TokenCursor.splitCommas(c.parenthesized())) {
                AlterAction a = element(element);
                if (a != null) {
                    actions.add(a);
                }
            }
        }
        if (c.accept("LIKE")) {
            TableName like = c.tableName();
            references.add(like);
            options.put("LIKE", like.toString());
        }
        while (!c.atEnd()) {
            if (c.at("AS") || c.at("SELECT")) {
                kind = StatementKind.CREATE_TABLE_AS;
                break;
            }
            if (mysql && (c.accept("DEFAULT", "CHARSET") || c.accept("DEFAULT", "CHARACTER", "SET")
                    || c.accept("CHARSET") || c.accept("CHARACTER", "SET"))) {
                c.accept("=");
                options.put("CHARSET", c.next().text().toLowerCase(Locale.ROOT));
            } else {
                c.next();
            }
        }
        actions.forEach(a -> references.addAll(a.referencedTables()));
        return new StatementShape(kind, table, List.of(), List.of(), actions, modifiers, options, references);
    }

    private AlterAction element(List<Token> element) {
        TokenCursor e = new TokenCursor(element);
        String text = defs.text(element);
        if (e.at("LIKE")) {
            return null;
        }
        if (mysql && (e.at("INDEX") || e.at("KEY") || e.at("FULLTEXT") || e.at("SPATIAL"))) {
            ConstraintDef index = defs.index(e);
            return new AlterAction(ActionKind.ADD_INDEX, null, index.name(), null, null, index, text);
        }
        if (Definitions.startsConstraint(e)) {
            ConstraintDef k = defs.constraint(e);
            if (k != null) {
                return new AlterAction(ActionKind.ADD_CONSTRAINT, null, k.name(), null, null, k, text);
            }
        }
        ColumnDef def = defs.column(new TokenCursor(element));
        return new AlterAction(ActionKind.ADD_COLUMN, def.name(), null, null, def, null, text);
    }
}
