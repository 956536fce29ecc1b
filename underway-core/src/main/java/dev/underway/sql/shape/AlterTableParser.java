package dev.underway.sql.shape;

import dev.underway.migration.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses the sub-commands of ALTER TABLE for both engines; MySQL's ALGORITHM= and LOCK= go to the options. */
final class AlterTableParser {
    private static final Set<String> MYSQL_REBUILD_OPTIONS = Set.of("ENGINE", "ROW_FORMAT", "KEY_BLOCK_SIZE", "FORCE",
            "COMPRESSION", "ENCRYPTION", "STATS_PERSISTENT", "TABLESPACE");
    private static final Set<String> MYSQL_TABLE_OPTIONS = Set.of("COMMENT", "AUTO_INCREMENT", "CHARACTER", "CHARSET",
            "COLLATE", "DEFAULT", "AVG_ROW_LENGTH", "MAX_ROWS", "MIN_ROWS", "PACK_KEYS", "STATS_AUTO_RECALC",
            "STATS_SAMPLE_PAGES", "CHECKSUM", "DELAY_KEY_WRITE", "INSERT_METHOD");

    private final Definitions defs;
    private final boolean mysql;

    AlterTableParser(Definitions defs, boolean mysql) {
        this.defs = defs;
        this.mysql = mysql;
    }

    /** Parses the comma-separated sub-commands after the table name. */
    List<AlterAction> actions(List<Token> rest, Map<String, String> options, Set<Modifier> modifiers) {
        List<AlterAction> actions = new ArrayList<>();
        for (List<Token> element : TokenCursor.splitCommas(rest)) {
            TokenCursor c = new TokenCursor(element);
            if (mysql && (c.at("ALGORITHM") || c.at("LOCK"))) {
                String key = c.next().text().toUpperCase(Locale.ROOT);
                c.accept("=");
                options.put(key, c.atEnd() ? "" : c.next().text().toUpperCase(Locale.ROOT));
                continue;
            }
            actions.addAll(action(c, element, modifiers));
        }
        return actions;
    }

    private List<AlterAction> action(TokenCursor c, List<Token> element, Set<Modifier> modifiers) {
        String text = defs.text(element);
        if (c.accept("ADD")) {
            return add(c, text);
        }
        if (c.accept("DROP")) {
            return List.of(drop(c, text));
        }
        if (c.at("ALTER", "INDEX") && mysql) {
            return List.of(named(ActionKind.INDEX_VISIBILITY, null, skipTo(c, 2), null, text));
        }
        if (c.at("ALTER", "CONSTRAINT") || c.at("ALTER", "CHECK")) {
            c.next();
            c.next();
            return List.of(named(ActionKind.TABLE_OPTION, null, c.identifier(), null, text));
        }
        if (c.accept("ALTER")) {
            c.accept("COLUMN");
            return List.of(alterColumn(c, text));
        }
        if (c.accept("RENAME")) {
            return List.of(rename(c, text));
        }
        if (mysql && (c.accept("MODIFY") || c.at("CHANGE"))) {
            boolean change = c.accept("CHANGE");
            c.accept("COLUMN");
            String old = change ? c.identifier() : null;
            ColumnDef def = defs.column(c);
            return List.of(new AlterAction(ActionKind.ALTER_COLUMN_TYPE, change ? old : def.name(), null,
                    change && !old.equals(def.name()) ? def.name() : null, def, null, text));
        }
        if (c.accept("VALIDATE", "CONSTRAINT")) {
            return List.of(named(ActionKind.VALIDATE_CONSTRAINT, null, c.identifier(), null, text));
        }
        if (c.at("ENABLE") || c.at("DISABLE")) {
            return List.of(enableDisable(c, text));
        }
        if (c.accept("ATTACH", "PARTITION")) {
            return List.of(named(ActionKind.ATTACH_PARTITION, null, c.tableName().toString(), null, text));
        }
        if (c.accept("DETACH", "PARTITION")) {
            String partition = c.tableName().toString();
            if (c.accept("CONCURRENTLY")) {
                modifiers.add(Modifier.CONCURRENTLY);
            }
            return List.of(named(ActionKind.DETACH_PARTITION, null, partition, null, text));
        }
        if (c.accept("SET")) {
            return List.of(set(c, text));
        }
        if (c.at("RESET")) {
            return List.of(AlterAction.of(ActionKind.SET_STORAGE_PARAMETERS, text));
        }
        if (c.accept("OWNER", "TO")) {
            return List.of(AlterAction.of(ActionKind.OWNER, text));
        }
        if (c.accept("CLUSTER", "ON")) {
            return List.of(named(ActionKind.CLUSTER_ON, null, c.identifier(), null, text));
        }
        if (c.at("REPLICA", "IDENTITY")) {
            return List.of(AlterAction.of(ActionKind.REPLICA_IDENTITY, text));
        }
        if (c.at("FORCE", "ROW") || c.at("NO", "FORCE")) {
            return List.of(AlterAction.of(ActionKind.ROW_SECURITY, text));
        }
        if (c.at("INHERIT") || c.at("NO", "INHERIT")) {
            return List.of(AlterAction.of(ActionKind.INHERIT, text));
        }
        if (mysql) {
            return List.of(mysqlOption(c, text));
        }
        return List.of(AlterAction.of(ActionKind.UNKNOWN, text));
    }

    private static String skipTo(TokenCursor c, int n) {
        for (int i = 0; i < n; i++) {
            c.next();
        }
        return c.identifier();
    }

    private static AlterAction named(ActionKind kind, String column, String name, String newName, String text) {
        return new AlterAction(kind, column, name, newName, null, null, text);
    }

    private List<AlterAction> add(TokenCursor c, String text) {
        if (mysql && (c.at("INDEX") || c.at("KEY") || c.at("FULLTEXT") || c.at("SPATIAL"))) {
            ConstraintDef index = defs.index(c);
            return List.of(new AlterAction(ActionKind.ADD_INDEX, null, index.name(), null, null, index, text));
        }
        if (Definitions.startsConstraint(c)) {
            ConstraintDef constraint = defs.constraint(c);
            if (constraint != null) {
                ActionKind kind = mysql && constraint.type() == ConstraintDef.ConstraintType.UNIQUE
                        ? ActionKind.ADD_INDEX : ActionKind.ADD_CONSTRAINT;
                return List.of(new AlterAction(kind, null, constraint.name(), null, null, constraint, text));
            }
        }
        if (c.at("PARTITION") || c.at("PERIOD") || c.at("SYSTEM")) {
            return List.of(AlterAction.of(ActionKind.UNKNOWN, text));
        }
        c.accept("COLUMN");
        c.accept("IF", "NOT", "EXISTS");
        if (c.at("(")) {
            List<AlterAction> columns = new ArrayList<>();
            for (List<Token> part : TokenCursor.splitCommas(c.parenthesized())) {
                ColumnDef def = defs.column(new TokenCursor(part));
                columns.add(new AlterAction(ActionKind.ADD_COLUMN, def.name(), null, null, def, null, text));
            }
            return columns;
        }
        ColumnDef def = defs.column(c);
        if (def.type() == null) {
            return List.of(AlterAction.of(ActionKind.UNKNOWN, text));
        }
        return List.of(new AlterAction(ActionKind.ADD_COLUMN, def.name(), null, null, def, null, text));
    }

    private AlterAction drop(TokenCursor c, String text) {
        if (c.accept("CONSTRAINT") || c.accept("CHECK") || c.accept("FOREIGN", "KEY")) {
            c.accept("IF", "EXISTS");
            return named(ActionKind.DROP_CONSTRAINT, null, c.identifier(), null, text);
        }
        if (c.accept("PRIMARY", "KEY")) {
            return AlterAction.of(ActionKind.DROP_PRIMARY_KEY, text);
        }
        if (mysql && (c.accept("INDEX") || c.accept("KEY"))) {
            c.accept("IF", "EXISTS");
            return named(ActionKind.DROP_INDEX, null, c.identifier(), null, text);
        }
        if (c.at("PARTITION") || c.at("PERIOD") || c.at("SYSTEM")) {
            return AlterAction.of(ActionKind.UNKNOWN, text);
        }
        c.accept("COLUMN");
        c.accept("IF", "EXISTS");
        return named(ActionKind.DROP_COLUMN, c.identifier(), null, null, text);
    }

    private AlterAction alterColumn(TokenCursor c, String text) {
        String column = c.identifier();
        if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
            SqlType type = defs.type(c);
            ColumnDef def = new ColumnDef(column, type, List.of(), false, false, false, false, false, List.of(), null);
            c.until(Set.of("USING"));
            String using = c.accept("USING") ? UsingConversion.of(defs, c.rest(), column, type) : null;
            return new AlterAction(ActionKind.ALTER_COLUMN_TYPE, column, null, null, def, null, text, using);
        }
        if (c.accept("SET", "NOT", "NULL")) {
            return named(ActionKind.SET_NOT_NULL, column, null, null, text);
        }
        if (c.accept("DROP", "NOT", "NULL")) {
            return named(ActionKind.DROP_NOT_NULL, column, null, null, text);
        }
        if (c.accept("SET", "DEFAULT")) {
            ColumnDef def = new ColumnDef(column, null, c.rest(), false, false, false, false, false, List.of(), null);
            return new AlterAction(ActionKind.SET_DEFAULT, column, null, null, def, null, text);
        }
        if (c.accept("DROP", "DEFAULT")) {
            return named(ActionKind.DROP_DEFAULT, column, null, null, text);
        }
        if (c.at("SET", "STORAGE")) {
            return named(ActionKind.SET_STORAGE, column, null, null, text);
        }
        if (c.at("ADD", "GENERATED")) {
            return named(ActionKind.ADD_IDENTITY, column, null, null, text);
        }
        if (c.at("DROP", "IDENTITY") || c.at("DROP", "EXPRESSION")) {
            return named(ActionKind.DROP_IDENTITY, column, null, null, text);
        }
        if (c.at("SET", "STATISTICS") || c.at("SET", "(") || c.at("RESET") || c.at("SET", "VISIBLE")
                || c.at("SET", "INVISIBLE") || c.at("SET", "COMPRESSION") || c.at("SET", "GENERATED")
                || c.at("RESTART") || c.at("SET", "INCREMENT") || c.at("SET", "START")) {
            return named(ActionKind.ALTER_COLUMN_OPTION, column, null, null, text);
        }
        return named(ActionKind.UNKNOWN, column, null, null, text);
    }

    private AlterAction rename(TokenCursor c, String text) {
        if (c.accept("CONSTRAINT")) {
            String old = c.identifier();
            c.accept("TO");
            return named(ActionKind.RENAME_CONSTRAINT, null, old, c.identifier(), text);
        }
        if (c.accept("INDEX") || c.accept("KEY")) {
            String old = c.identifier();
            c.accept("TO");
            return named(ActionKind.RENAME_INDEX, null, old, c.identifier(), text);
        }
        if (c.accept("TO") || c.accept("AS") || (mysql && !c.at("COLUMN"))) {
            TableName target = c.tableName();
            return named(ActionKind.RENAME_TABLE, null, null, target == null ? null : target.name(), text);
        }
        c.accept("COLUMN");
        String old = c.identifier();
        c.accept("TO");
        return named(ActionKind.RENAME_COLUMN, old, null, c.identifier(), text);
    }

    private AlterAction enableDisable(TokenCursor c, String text) {
        boolean enable = c.next().is("ENABLE");
        c.accept("ALWAYS");
        c.accept("REPLICA");
        if (c.accept("TRIGGER")) {
            return named(enable ? ActionKind.ENABLE_TRIGGER : ActionKind.DISABLE_TRIGGER, null, c.identifier(), null, text);
        }
        if (c.at("ROW")) {
            return AlterAction.of(ActionKind.ROW_SECURITY, text);
        }
        if (c.at("KEYS")) {
            return AlterAction.of(ActionKind.TABLE_OPTION, text);
        }
        return AlterAction.of(ActionKind.UNKNOWN, text);
    }

    private AlterAction set(TokenCursor c, String text) {
        if (c.accept("TABLESPACE")) {
            return AlterAction.of(ActionKind.SET_TABLESPACE, text);
        }
        if (c.accept("LOGGED")) {
            return AlterAction.of(ActionKind.SET_LOGGED, text);
        }
        if (c.accept("UNLOGGED")) {
            return AlterAction.of(ActionKind.SET_UNLOGGED, text);
        }
        if (c.at("(")) {
            return AlterAction.of(ActionKind.SET_STORAGE_PARAMETERS, text);
        }
        if (c.accept("SCHEMA")) {
            return named(ActionKind.SET_SCHEMA, null, null, c.identifier(), text);
        }
        if (c.at("WITHOUT", "CLUSTER")) {
            return AlterAction.of(ActionKind.CLUSTER_ON, text);
        }
        if (c.at("ACCESS", "METHOD") || c.at("WITHOUT", "OIDS")) {
            return AlterAction.of(ActionKind.REBUILD, text);
        }
        return AlterAction.of(ActionKind.UNKNOWN, text);
    }

    private AlterAction mysqlOption(TokenCursor c, String text) {
        if (c.accept("CONVERT", "TO")) {
            String charset = c.accept("CHARACTER", "SET") || c.accept("CHARSET") ? c.identifier() : null;
            // DEFAULT is the database's character set, which the model does not know.
            return named(ActionKind.CONVERT_CHARSET, null, "default".equals(charset) ? null : charset, null, text);
        }
        if (c.at("ORDER", "BY")) {
            return AlterAction.of(ActionKind.ORDER_BY, text);
        }
        String word = c.peek() == null ? "" : c.peek().text().toUpperCase(Locale.ROOT);
        if (MYSQL_REBUILD_OPTIONS.contains(word)) {
            return AlterAction.of(ActionKind.REBUILD, text);
        }
        if (MYSQL_TABLE_OPTIONS.contains(word)) {
            return AlterAction.of(ActionKind.TABLE_OPTION, text);
        }
        return AlterAction.of(ActionKind.UNKNOWN, text);
    }
}
