package dev.underway.sql.shape;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CREATE, ALTER, DROP, RENAME, TRUNCATE and REINDEX statements. */
final class DdlReader extends ShapeReader {

    DdlReader(SqlStatement statement, boolean mysql) {
        super(statement, mysql);
    }

    StatementShape create() {
        c.next();
        if (c.accept("OR", "REPLACE")) {
            modifiers.add(Modifier.OR_REPLACE);
        }
        skipDefiner();
        while (c.accept("GLOBAL") || c.accept("LOCAL") || c.accept("UNLOGGED") || c.accept("ONLINE")) {
            // qualifiers that do not change what is locked
        }
        if (c.accept("TEMPORARY") || c.accept("TEMP")) {
            modifiers.add(Modifier.TEMPORARY);
        }
        if (c.at("TABLE")) {
            return new CreateTableParser(c, defs, mysql).parse(modifiers, options, references);
        }
        boolean unique = c.accept("UNIQUE");
        if (unique) {
            modifiers.add(Modifier.UNIQUE);
        }
        Token special = c.peek();
        if (c.accept("FULLTEXT") || c.accept("SPATIAL")) {
            options.put("INDEX_TYPE", special.text().toUpperCase(Locale.ROOT));
        }
        if (c.accept("INDEX")) {
            return createIndex();
        }
        if (c.accept("CONSTRAINT", "TRIGGER") || c.accept("TRIGGER")) {
            return trigger(StatementKind.CREATE_TRIGGER);
        }
        if (c.accept("MATERIALIZED", "VIEW")) {
            c.accept("IF", "NOT", "EXISTS");
            return shape(StatementKind.CREATE_TABLE_AS, c.tableName());
        }
        if (modifiers.contains(Modifier.OR_REPLACE) && (c.accept("VIEW") || c.accept("RECURSIVE", "VIEW"))) {
            return view("REPLACE");
        }
        if (objectIs(CATALOG_OBJECTS) || c.at("POLICY") || c.at("RULE")) {
            return c.at("POLICY") || c.at("RULE") ? policy() : StatementShape.of(StatementKind.CATALOG_ONLY);
        }
        return StatementShape.of(StatementKind.UNKNOWN);
    }

    /**
     * {@code CREATE OR REPLACE VIEW}, {@code ALTER VIEW}, {@code DROP VIEW}: an existing view is a
     * relation the application reads, and changing it locks it exclusively (option {@code VIEW}
     * says how: REPLACE, ALTER or DROP).
     */
    private StatementShape view(String how) {
        c.accept("IF", "EXISTS");
        options.put("VIEW", how);
        return shape(StatementKind.CATALOG_ONLY, c.tableName());
    }

    private void skipDefiner() {
        if (c.accept("DEFINER")) {
            c.accept("=");
            c.until(Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "VIEW", "EVENT", "SQL", "ALGORITHM"));
            c.accept("SQL", "SECURITY");
        }
    }

    /** CREATE POLICY / RULE ... ON table: takes a strong lock on the table. */
    private StatementShape policy() {
        c.next();
        c.identifier();
        c.until(Set.of("ON"));
        c.accept("ON");
        return shape(StatementKind.CATALOG_ONLY, c.tableName());
    }

    private StatementShape createIndex() {
        if (c.accept("CONCURRENTLY")) {
            modifiers.add(Modifier.CONCURRENTLY);
        }
        if (c.accept("IF", "NOT", "EXISTS")) {
            modifiers.add(Modifier.IF_NOT_EXISTS);
        }
        String name = c.at("ON") ? null : c.identifier();
        if (c.accept("USING")) {
            c.next();
        }
        if (!c.accept("ON")) {
            return StatementShape.of(StatementKind.UNKNOWN);
        }
        if (c.accept("ONLY")) {
            modifiers.add(Modifier.ONLY);
        }
        TableName table = c.tableName();
        if (c.accept("USING")) {
            c.next();
        }
        List<Token> keys = c.parenthesized();
        List<String> columns = indexColumns(keys);
        if (name == null && !mysql) {
            List<Token> include = c.accept("INCLUDE") ? c.parenthesized() : List.of();
            PostgresIndexColumns.names(keys, include)
                    .ifPresent(names -> options.put(StatementShape.INDEX_NAME_COLUMNS, PostgresNames.columnsPart(names)));
        }
        mysqlTrailingOptions();
        return shape(StatementKind.CREATE_INDEX, table, name == null ? List.of() : List.of(name), columns, List.of());
    }

    /** Plain key columns by name; columns used inside an expression element as {@code expr:name}. */
    private List<String> indexColumns(List<Token> inner) {
        List<String> out = new ArrayList<>();
        for (List<Token> element : TokenCursor.splitCommas(inner)) {
            boolean plain = !element.isEmpty() && element.get(0).type() != TokenType.OPEN_PAREN
                    && (element.size() == 1 || element.get(1).type() == TokenType.WORD);
            if (plain) {
                out.add(element.get(0).identifier());
                continue;
            }
            for (int i = 0; i < element.size(); i++) {
                Token t = element.get(i);
                boolean call = i + 1 < element.size() && element.get(i + 1).type() == TokenType.OPEN_PAREN;
                if ((t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER) && !call) {
                    out.add("expr:" + t.identifier());
                }
            }
        }
        return out;
    }

    private StatementShape trigger(StatementKind kind) {
        c.accept("IF", "NOT", "EXISTS");
        c.accept("IF", "EXISTS");
        TableName name = c.tableName();
        c.until(Set.of("ON"));
        if (!c.accept("ON")) {
            return shape(kind, null, name == null ? List.of() : List.of(name.toString()), List.of(), List.of());
        }
        return shape(kind, c.tableName(), name == null ? List.of() : List.of(name.name()), List.of(), List.of());
    }

    StatementShape alter() {
        c.next();
        boolean online = c.accept("ONLINE");
        c.accept("IGNORE");
        if (c.accept("TABLE")) {
            if (online) {
                modifiers.add(Modifier.ONLINE);
            }
            return alterTable();
        }
        if (c.accept("INDEX")) {
            c.accept("IF", "EXISTS");
            TableName index = c.tableName();
            List<AlterAction> actions = new ArrayList<>();
            if (c.accept("RENAME", "TO")) {
                actions.add(new AlterAction(ActionKind.RENAME_INDEX, null, index.name(), c.identifier(), null, null,
                        "RENAME"));
            } else {
                actions.add(AlterAction.of(ActionKind.UNKNOWN, "ALTER INDEX"));
            }
            return shape(StatementKind.ALTER_INDEX, null, List.of(index.name()), List.of(), actions);
        }
        if (c.accept("TYPE")) {
            TableName type = c.tableName();
            boolean addValue = c.at("ADD", "VALUE") || c.at("RENAME", "VALUE");
            if (c.at("RENAME", "VALUE")) {
                options.put("RENAME_VALUE", "VALUE");
            }
            return shape(addValue ? StatementKind.ALTER_TYPE : StatementKind.CATALOG_ONLY, null,
                    List.of(type.toString()), List.of(), List.of());
        }
        if (!mysql && c.accept("DOMAIN")) {
            return alterDomain();
        }
        if (!mysql && c.at("SCHEMA")) {
            c.next();
            String schema = c.identifier();
            if (c.at("RENAME", "TO")) {
                options.put("RENAME", "SCHEMA");
            }
            return shape(StatementKind.CATALOG_ONLY, null, List.of(schema), List.of(), List.of());
        }
        if (c.accept("VIEW")) {
            return view("ALTER");
        }
        if (c.accept("MATERIALIZED", "VIEW") || objectIs(CATALOG_OBJECTS) || c.at("DEFAULT", "PRIVILEGES")
                || c.at("TRIGGER")) {
            return StatementShape.of(StatementKind.CATALOG_ONLY);
        }
        return StatementShape.of(StatementKind.UNKNOWN);
    }

    /** {@code ALTER DOMAIN d ADD [CONSTRAINT c] CHECK (..) [NOT VALID] | VALIDATE CONSTRAINT c | SET NOT NULL | ...}. */
    private StatementShape alterDomain() {
        TableName domain = c.tableName();
        int start = c.position();
        List<AlterAction> actions = new ArrayList<>();
        if (c.accept("ADD")) {
            ConstraintDef k = defs.constraint(c);
            actions.add(new AlterAction(ActionKind.ADD_CONSTRAINT, null, k == null ? null : k.name(), null, null, k,
                    defs.text(c.since(start))));
        } else if (c.accept("VALIDATE", "CONSTRAINT")) {
            actions.add(new AlterAction(ActionKind.VALIDATE_CONSTRAINT, null, c.identifier(), null, null, null,
                    defs.text(c.since(start))));
        } else if (c.accept("SET", "NOT", "NULL")) {
            actions.add(AlterAction.of(ActionKind.SET_NOT_NULL, "SET NOT NULL"));
        } else {
            actions.add(AlterAction.of(ActionKind.TABLE_OPTION, defs.text(c.rest())));
        }
        return shape(StatementKind.ALTER_DOMAIN, null, List.of(domain.name()), List.of(), actions);
    }

    private StatementShape alterTable() {
        if (c.accept("IF", "EXISTS")) {
            modifiers.add(Modifier.IF_EXISTS);
        }
        if (c.accept("ONLY")) {
            modifiers.add(Modifier.ONLY);
        }
        TableName table = c.tableName();
        c.accept("*");
        if (c.accept("WAIT")) {
            options.put("WAIT", c.next().text());
        } else if (c.accept("NOWAIT")) {
            options.put("WAIT", "0");
        }
        List<AlterAction> actions = new AlterTableParser(defs, mysql).actions(c.rest(), options, modifiers);
        actions.forEach(a -> references.addAll(a.referencedTables()));
        boolean rename = actions.size() == 1 && actions.get(0).is(ActionKind.RENAME_TABLE);
        return shape(rename ? StatementKind.RENAME_TABLE : StatementKind.ALTER_TABLE, table, List.of(), List.of(), actions);
    }

    StatementShape drop() {
        c.next();
        if (c.accept("TEMPORARY")) {
            modifiers.add(Modifier.TEMPORARY);
        }
        if (c.accept("TABLE")) {
            ifExists();
            List<String> names = new ArrayList<>();
            TableName first = c.tableName();
            while (c.accept(",")) {
                names.add(c.tableName().toString());
            }
            cascade();
            return shape(StatementKind.DROP_TABLE, first, names, List.of(), List.of());
        }
        if (c.accept("INDEX")) {
            if (c.accept("CONCURRENTLY")) {
                modifiers.add(Modifier.CONCURRENTLY);
            }
            ifExists();
            List<String> names = new ArrayList<>();
            names.add(c.tableName().name());
            while (c.accept(",")) {
                names.add(c.tableName().name());
            }
            TableName table = c.accept("ON") ? c.tableName() : null;
            // MySQL's ALGORITHM= and LOCK= (PostgreSQL's CASCADE): the user's clause decides the verdict.
            if (mysql) {
                mysqlTrailingOptions();
            } else {
                cascade();
            }
            return shape(StatementKind.DROP_INDEX, table, names, List.of(), List.of());
        }
        if (c.accept("TRIGGER")) {
            return trigger(StatementKind.DROP_TRIGGER);
        }
        if (c.accept("VIEW")) {
            return view("DROP");
        }
        if (c.accept("DATABASE") || mysql && c.accept("SCHEMA")) {
            ifExists();
            options.put("DROP", "DATABASE");
            String database = c.identifier();
            return shape(StatementKind.CATALOG_ONLY, null, database == null ? List.of() : List.of(database), List.of(),
                    List.of());
        }
        if (c.accept("MATERIALIZED", "VIEW") || objectIs(CATALOG_OBJECTS)) {
            return StatementShape.of(StatementKind.CATALOG_ONLY);
        }
        if (c.at("POLICY") || c.at("RULE")) {
            return policy();
        }
        return StatementShape.of(StatementKind.UNKNOWN);
    }

    /** MySQL {@code RENAME TABLE a TO b [, c TO d]}. */
    StatementShape renameTables() {
        c.next();
        if (!c.accept("TABLE") && !c.accept("TABLES")) {
            return StatementShape.of(StatementKind.UNKNOWN);
        }
        TableName from = c.tableName();
        c.accept("TO");
        TableName to = c.tableName();
        List<AlterAction> actions = List.of(new AlterAction(ActionKind.RENAME_TABLE, null, null,
                to == null ? null : to.name(), null, null, "RENAME TABLE"));
        return shape(StatementKind.RENAME_TABLE, from, List.of(), List.of(), actions);
    }

    /** {@code REINDEX (CONCURRENTLY [true|on|1], VERBOSE)}: the option list of PostgreSQL 14+. */
    private static boolean concurrentlyOption(List<Token> options) {
        for (List<Token> option : TokenCursor.splitCommas(options)) {
            if (!option.isEmpty() && option.get(0).is("CONCURRENTLY")) {
                return option.size() == 1 || !(option.get(1).is("false") || option.get(1).is("off")
                        || option.get(1).text().equals("0"));
            }
        }
        return false;
    }

    StatementShape truncate() {
        c.next();
        c.accept("TABLE");
        if (c.accept("ONLY")) {
            modifiers.add(Modifier.ONLY);
        }
        TableName first = c.tableName();
        List<String> names = new ArrayList<>();
        while (c.accept(",")) {
            names.add(c.tableName().toString());
        }
        cascade();
        return shape(StatementKind.TRUNCATE, first, names, List.of(), List.of());
    }

    StatementShape reindex() {
        c.next();
        if (concurrentlyOption(c.parenthesized())) {
            modifiers.add(Modifier.CONCURRENTLY);
        }
        String what = c.atEnd() ? "" : c.next().text().toUpperCase(Locale.ROOT);
        if (c.accept("CONCURRENTLY")) {
            modifiers.add(Modifier.CONCURRENTLY);
        }
        TableName name = c.tableName();
        if (what.equals("TABLE")) {
            return shape(StatementKind.REINDEX, name);
        }
        if (what.equals("INDEX")) {
            return shape(StatementKind.REINDEX, null, List.of(name.name()), List.of(), List.of());
        }
        return shape(StatementKind.REINDEX, null, List.of(what), List.of(), List.of());
    }
}
