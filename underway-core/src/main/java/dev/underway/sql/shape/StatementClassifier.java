package dev.underway.sql.shape;

import dev.underway.sql.SqlStatement;
import dev.underway.sql.Token;
import dev.underway.sql.TokenType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a statement's tokens into a {@link StatementShape}. One classifier serves both
 * engines; {@code mysql} switches on MySQL/MariaDB syntax (MODIFY, CHANGE, ALGORITHM=, ...).
 * It reads only what locking depends on and says UNKNOWN for anything else.
 */
public final class StatementClassifier {
    private static final Set<String> CATALOG_OBJECTS = Set.of("VIEW", "FUNCTION", "PROCEDURE", "SEQUENCE", "TYPE",
            "DOMAIN", "SCHEMA", "EXTENSION", "ROLE", "USER", "DATABASE", "AGGREGATE", "OPERATOR", "COLLATION",
            "EVENT", "SERVER", "PUBLICATION", "SUBSCRIPTION", "TEXT", "CAST", "LANGUAGE", "STATISTICS");
    private static final Set<String> WHERE_KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "between", "like",
            "ilike", "any", "all", "exists", "select", "from", "where", "true", "false", "limit", "order", "by", "returning",
            "asc", "desc", "interval", "current_date", "current_timestamp", "now", "case", "when", "then", "else", "end");

    private final boolean mysql;

    public StatementClassifier(boolean mysql) {
        this.mysql = mysql;
    }

    public StatementShape classify(SqlStatement statement) {
        try {
            return new Run(statement).classify();
        } catch (RuntimeException e) {
            // A statement shape the parser did not expect: unknown, never a crash of the linter.
            return StatementShape.of(StatementKind.UNKNOWN);
        }
    }

    /** The state of classifying one statement. */
    private final class Run {
        private final TokenCursor c;
        private final Definitions defs;
        private final Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        private final Map<String, String> options = new HashMap<>();
        private final List<TableName> references = new ArrayList<>();

        Run(SqlStatement statement) {
            this.c = new TokenCursor(statement.tokens());
            this.defs = new Definitions(statement);
        }

        private StatementShape shape(StatementKind kind, TableName table, List<String> names, List<String> columns,
                                     List<AlterAction> actions) {
            return new StatementShape(kind, table, names, columns, actions, modifiers, options, references);
        }

        private StatementShape shape(StatementKind kind, TableName table) {
            return shape(kind, table, List.of(), List.of(), List.of());
        }

        StatementShape classify() {
            if (c.atEnd() || c.peek().type() != TokenType.WORD) {
                return StatementShape.of(StatementKind.UNKNOWN);
            }
            String first = c.peek().text().toUpperCase(Locale.ROOT);
            return switch (first) {
                case "CREATE" -> create();
                case "ALTER" -> alter();
                case "DROP" -> drop();
                case "RENAME" -> renameTables();
                case "TRUNCATE" -> truncate();
                case "REINDEX" -> reindex();
                case "VACUUM" -> vacuum();
                case "CLUSTER" -> tableStatement(StatementKind.CLUSTER, "CLUSTER", "VERBOSE");
                case "ANALYZE", "ANALYSE" -> tableStatement(StatementKind.ANALYZE, first, "VERBOSE", "TABLE");
                case "OPTIMIZE" -> optimize();
                case "REFRESH" -> refresh();
                case "LOCK" -> lock();
                case "COMMENT" -> comment();
                case "GRANT", "REVOKE", "SECURITY" -> StatementShape.of(StatementKind.CATALOG_ONLY);
                case "SET", "RESET", "USE" -> set();
                case "SELECT", "VALUES", "SHOW", "EXPLAIN", "DESCRIBE" -> StatementShape.of(StatementKind.SELECT);
                case "WITH" -> with();
                case "INSERT", "REPLACE", "COPY" -> insert();
                case "UPDATE" -> update();
                case "DELETE" -> delete();
                case "BEGIN", "COMMIT", "ROLLBACK", "START", "END", "ABORT", "SAVEPOINT", "RELEASE" ->
                        StatementShape.of(StatementKind.TRANSACTION_CONTROL);
                case "DO", "CALL" -> StatementShape.of(StatementKind.PROCEDURAL);
                default -> StatementShape.of(StatementKind.UNKNOWN);
            };
        }

        private StatementShape create() {
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
            if (objectIs(CATALOG_OBJECTS) || c.at("POLICY") || c.at("RULE")) {
                return c.at("POLICY") || c.at("RULE") ? policy() : StatementShape.of(StatementKind.CATALOG_ONLY);
            }
            return StatementShape.of(StatementKind.UNKNOWN);
        }

        private boolean objectIs(Set<String> objects) {
            Token t = c.peek();
            return t != null && t.type() == TokenType.WORD && objects.contains(t.text().toUpperCase(Locale.ROOT));
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
            List<String> columns = indexColumns(c.parenthesized());
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

        /** {@code ALGORITHM [=] x} and {@code LOCK [=] x} after CREATE/DROP INDEX on MySQL. */
        private void mysqlTrailingOptions() {
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

        private StatementShape alter() {
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
                return shape(addValue ? StatementKind.ALTER_TYPE : StatementKind.CATALOG_ONLY, null,
                        List.of(type.toString()), List.of(), List.of());
            }
            if (c.accept("MATERIALIZED", "VIEW") || objectIs(CATALOG_OBJECTS) || c.at("DEFAULT", "PRIVILEGES")
                    || c.at("TRIGGER")) {
                return StatementShape.of(StatementKind.CATALOG_ONLY);
            }
            return StatementShape.of(StatementKind.UNKNOWN);
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
            for (AlterAction a : actions) {
                if (a.constraint() != null && a.constraint().references() != null) {
                    references.add(a.constraint().references());
                }
                if (a.definition() != null) {
                    a.definition().constraints().stream().filter(k -> k.references() != null)
                            .forEach(k -> references.add(k.references()));
                }
                if (a.is(ActionKind.ATTACH_PARTITION) || a.is(ActionKind.DETACH_PARTITION)) {
                    references.add(TableName.of(a.name()));
                }
            }
            boolean rename = actions.size() == 1 && actions.get(0).is(ActionKind.RENAME_TABLE);
            return shape(rename ? StatementKind.RENAME_TABLE : StatementKind.ALTER_TABLE, table, List.of(), List.of(), actions);
        }

        private StatementShape drop() {
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
                cascade();
                mysqlTrailingOptions();
                return shape(StatementKind.DROP_INDEX, table, names, List.of(), List.of());
            }
            if (c.accept("TRIGGER")) {
                return trigger(StatementKind.DROP_TRIGGER);
            }
            if (c.accept("MATERIALIZED", "VIEW") || objectIs(CATALOG_OBJECTS)) {
                return StatementShape.of(StatementKind.CATALOG_ONLY);
            }
            if (c.at("POLICY") || c.at("RULE")) {
                return policy();
            }
            return StatementShape.of(StatementKind.UNKNOWN);
        }

        private void ifExists() {
            if (c.accept("IF", "EXISTS")) {
                modifiers.add(Modifier.IF_EXISTS);
            }
        }

        private void cascade() {
            while (!c.atEnd()) {
                if (c.accept("CASCADE")) {
                    modifiers.add(Modifier.CASCADE);
                } else {
                    c.next();
                }
            }
        }

        /** MySQL {@code RENAME TABLE a TO b [, c TO d]}. */
        private StatementShape renameTables() {
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

        private StatementShape truncate() {
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

        private StatementShape reindex() {
            c.next();
            c.parenthesized();
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

        private StatementShape vacuum() {
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

        private StatementShape tableStatement(StatementKind kind, String... skip) {
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
        private StatementShape optimize() {
            c.next();
            c.accept("NO_WRITE_TO_BINLOG");
            c.accept("LOCAL");
            c.accept("TABLE");
            TableName table = c.tableName();
            return shape(StatementKind.ALTER_TABLE, table, List.of(), List.of(),
                    List.of(AlterAction.of(ActionKind.REBUILD, "OPTIMIZE TABLE")));
        }

        private StatementShape refresh() {
            c.next();
            if (!c.accept("MATERIALIZED", "VIEW")) {
                return StatementShape.of(StatementKind.UNKNOWN);
            }
            if (c.accept("CONCURRENTLY")) {
                modifiers.add(Modifier.CONCURRENTLY);
            }
            return shape(StatementKind.REFRESH_MATERIALIZED_VIEW, c.tableName());
        }

        private StatementShape lock() {
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

        private StatementShape comment() {
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

        private StatementShape set() {
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

        private StatementShape with() {
            for (Token t : c.rest()) {
                if (t.is("INSERT") || t.is("UPDATE") || t.is("DELETE") || t.is("MERGE")) {
                    return StatementShape.of(StatementKind.UNKNOWN);
                }
            }
            return StatementShape.of(StatementKind.SELECT);
        }

        private StatementShape insert() {
            c.next();
            c.accept("IGNORE");
            c.accept("INTO");
            return shape(StatementKind.INSERT, c.tableName());
        }

        private StatementShape update() {
            c.next();
            c.accept("ONLY");
            c.accept("LOW_PRIORITY");
            c.accept("IGNORE");
            TableName table = c.tableName();
            return whereClause(StatementKind.UPDATE, table);
        }

        private StatementShape delete() {
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
    }

    private static String unquote(Token t) {
        String s = t.text();
        if (t.type() == TokenType.STRING && s.length() >= 2 && (s.startsWith("'") || s.startsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
