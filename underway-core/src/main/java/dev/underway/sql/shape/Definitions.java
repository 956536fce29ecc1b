package dev.underway.sql.shape;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;
import dev.underway.sql.shape.ConstraintDef.ConstraintType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses column definitions, column types and table constraints (both engines' syntax). */
final class Definitions {
    private static final Set<String> TYPE_WORDS = Set.of("precision", "varying", "with", "without", "time", "zone",
            "unsigned", "signed", "zerofill", "national", "large", "object");
    /** {@code interval day to second(3)}: the fields restrict an interval, and are part of its type. */
    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second", "to");
    private static final Set<String> CONSTRAINT_STARTS = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN",
            "EXCLUDE", "INDEX", "KEY", "FULLTEXT", "SPATIAL");
    private static final Set<String> DEFAULT_STOPS = Set.of("NOT", "NULL", "CONSTRAINT", "PRIMARY", "UNIQUE",
            "REFERENCES", "CHECK", "GENERATED", "COLLATE", "COMMENT", "AUTO_INCREMENT", "ON", "FIRST", "AFTER",
            "VISIBLE", "INVISIBLE", "STORAGE", "COMPRESSION", ",");

    private final SqlStatement statement;

    Definitions(SqlStatement statement) {
        this.statement = statement;
    }

    static boolean startsConstraint(TokenCursor c) {
        Token t = c.peek();
        return t != null && t.type() == TokenType.WORD && CONSTRAINT_STARTS.contains(t.text().toUpperCase(Locale.ROOT));
    }

    String text(List<Token> run) {
        return TokenCursor.text(statement, run);
    }

    /** A column type; the cursor is left on the first word after it. */
    SqlType type(TokenCursor c) {
        int start = c.position();
        List<String> words = new ArrayList<>();
        List<String> args = List.of();
        boolean array = false;
        String charset = null;
        boolean unsigned = false;
        TableName first = c.tableName();
        if (first == null) {
            return null;
        }
        words.add(first.name());
        while (!c.atEnd()) {
            Token t = c.peek();
            String w = t.type() == TokenType.WORD ? t.text().toLowerCase(Locale.ROOT) : "";
            if (c.at("(") && args.isEmpty()) {
                args = typeArgs(c.parenthesized());
            } else if (c.at("[")) {
                c.next();
                c.accept("]");
                array = true;
            } else if (t.is("ARRAY")) {
                c.next();
                array = true;
            } else if (w.equals("unsigned") || w.equals("zerofill") || w.equals("signed")) {
                c.next();
                unsigned |= w.equals("unsigned");
            } else if (TYPE_WORDS.contains(w) || words.get(0).equalsIgnoreCase("interval") && INTERVAL_FIELDS.contains(w)) {
                words.add(c.next().text());
            } else if (c.accept("CHARACTER", "SET") || c.accept("CHARSET")) {
                charset = c.identifier();
            } else if (c.at("BYTE") || c.at("BINARY") && words.size() > 0 && !c.at("BINARY", "(")) {
                c.next();
            } else {
                break;
            }
        }
        List<Token> seen = c.since(start);
        String name = String.join(" ", words) + (unsigned ? " unsigned" : "");
        SqlType type = SqlType.of(String.join(" ", words), args, array, charset, text(seen));
        return unsigned ? new SqlType(type.name() + " unsigned", type.args(), array, charset, type.text())
                : name.isEmpty() ? null : type;
    }

    private static List<String> typeArgs(List<Token> inner) {
        List<String> args = new ArrayList<>();
        for (List<Token> part : TokenCursor.splitCommas(inner)) {
            if (part.size() == 1 && part.get(0).type() == TokenType.STRING) {
                String s = part.get(0).text();
                args.add(s.substring(1, s.length() - 1).replace("''", "'"));
            } else {
                StringBuilder sb = new StringBuilder();
                part.forEach(t -> sb.append(t.text()));
                args.add(sb.toString());
            }
        }
        return args;
    }

    /** A column definition: {@code name type [constraints...]}. */
    ColumnDef column(TokenCursor c) {
        String name = c.identifier();
        boolean serial = c.peek() != null && SqlType.isSerial(c.peek().text());
        SqlType type = type(c);
        List<Token> defaultExpr = List.of();
        boolean notNull = false;
        boolean generated = false;
        boolean virtual = false;
        boolean identity = false;
        String position = null;
        List<ConstraintDef> constraints = new ArrayList<>();
        String constraintName = null;
        while (!c.atEnd() && !c.at(",")) {
            if (c.accept("CONSTRAINT")) {
                constraintName = c.identifier();
                continue;
            }
            if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("DEFAULT")) {
                defaultExpr = c.at("NULL") ? List.of(c.next()) : c.until(DEFAULT_STOPS);
            } else if (c.accept("PRIMARY", "KEY")) {
                constraints.add(simple(ConstraintType.PRIMARY_KEY, constraintName, name));
                notNull = true;
            } else if (c.accept("UNIQUE")) {
                c.accept("KEY");
                constraints.add(simple(ConstraintType.UNIQUE, constraintName, name));
            } else if (c.at("REFERENCES")) {
                constraints.add(references(c, constraintName, List.of(name)));
            } else if (c.accept("CHECK")) {
                List<Token> expr = c.parenthesized();
                constraints.add(new ConstraintDef(ConstraintType.CHECK, constraintName, List.of(), null, List.of(), expr,
                        false, null));
            } else if (c.accept("GENERATED")) {
                c.accept("ALWAYS");
                c.accept("BY", "DEFAULT");
                c.accept("AS");
                if (c.accept("IDENTITY")) {
                    identity = true;
                    c.parenthesized();
                } else {
                    c.parenthesized();
                    virtual = c.accept("VIRTUAL");
                    generated = !virtual;
                    c.accept("STORED");
                }
            } else if (c.at("AS", "(")) {
                c.next();
                c.parenthesized();
                virtual = !(c.at("STORED") || c.at("PERSISTENT"));
                generated = !virtual;
                if (!c.accept("STORED")) {
                    c.accept("PERSISTENT");
                    c.accept("VIRTUAL");
                }
            } else if (c.accept("AUTO_INCREMENT")) {
                identity = true;
            } else if (c.accept("FIRST")) {
                position = "FIRST";
            } else if (c.accept("AFTER")) {
                position = "AFTER " + c.identifier();
            } else if (c.accept("ON", "UPDATE")) {
                c.until(DEFAULT_STOPS);
            } else {
                c.next();
            }
            constraintName = null;
        }
        return new ColumnDef(name, type, defaultExpr, notNull, generated, virtual, identity, serial, constraints, position);
    }

    private static ConstraintDef simple(ConstraintType type, String name, String column) {
        return new ConstraintDef(type, name, List.of(column), null, List.of(), List.of(), false, null);
    }

    private static ConstraintDef references(TokenCursor c, String name, List<String> columns) {
        c.accept("REFERENCES");
        TableName target = c.tableName();
        List<String> refCols = c.at("(") ? TokenCursor.columnList(c.parenthesized()) : List.of();
        boolean notValid = false;
        while (!c.atEnd() && !c.at(",")) {
            if (c.accept("NOT", "VALID")) {
                notValid = true;
            } else if (c.at("ON") || c.at("MATCH") || c.at("DEFERRABLE") || c.at("NOT", "DEFERRABLE") || c.at("INITIALLY")
                    || c.at("CASCADE") || c.at("RESTRICT") || c.at("SET") || c.at("NO") || c.at("DELETE")
                    || c.at("UPDATE") || c.at("ACTION") || c.at("NULL") || c.at("FULL") || c.at("SIMPLE")
                    || c.at("PARTIAL") || c.at("IMMEDIATE") || c.at("DEFERRED") || c.at("NOT")) {
                c.next();
            } else {
                break;
            }
        }
        return new ConstraintDef(ConstraintType.FOREIGN_KEY, name, columns, target, refCols, List.of(), notValid, null);
    }

    /**
     * A table constraint ({@code [CONSTRAINT name] CHECK|UNIQUE|PRIMARY KEY|FOREIGN KEY|EXCLUDE ...}) or a MySQL
     * index definition ({@code INDEX|KEY|FULLTEXT|SPATIAL [name] (cols)}); null when it is neither.
     */
    ConstraintDef constraint(TokenCursor c) {
        String name = null;
        if (c.accept("CONSTRAINT")) {
            name = c.at("CHECK") || c.at("UNIQUE") || c.at("PRIMARY") || c.at("FOREIGN") || c.at("EXCLUDE")
                    ? null : c.identifier();
        }
        ConstraintDef def;
        if (c.accept("CHECK")) {
            def = new ConstraintDef(ConstraintType.CHECK, name, List.of(), null, List.of(), c.parenthesized(), false, null);
        } else if (c.accept("PRIMARY", "KEY")) {
            def = keyed(c, ConstraintType.PRIMARY_KEY, name);
        } else if (c.accept("UNIQUE")) {
            if (!c.accept("INDEX")) {
                c.accept("KEY");
            }
            def = keyed(c, ConstraintType.UNIQUE, name);
        } else if (c.accept("FOREIGN", "KEY")) {
            String mysqlName = c.atIdentifier() ? c.identifier() : null;
            List<String> cols = TokenCursor.columnList(c.parenthesized());
            def = references(c, name != null ? name : mysqlName, cols);
        } else if (c.accept("EXCLUDE")) {
            c.until(Set.of("("));
            c.parenthesized();
            def = new ConstraintDef(ConstraintType.EXCLUDE, name, List.of(), null, List.of(), List.of(), false, null);
        } else {
            return null;
        }
        while (!c.atEnd() && !c.at(",")) {
            if (c.accept("NOT", "VALID")) {
                def = new ConstraintDef(def.type(), def.name(), def.columns(), def.references(), def.refColumns(),
                        def.expression(), true, def.usingIndex());
            } else {
                c.next();
            }
        }
        return def;
    }

    /** MySQL {@code INDEX|KEY|FULLTEXT|SPATIAL [INDEX|KEY] [name] (cols)}: a secondary index. */
    ConstraintDef index(TokenCursor c) {
        ConstraintType type = c.accept("FULLTEXT") ? ConstraintType.FULLTEXT_INDEX
                : c.accept("SPATIAL") ? ConstraintType.SPATIAL_INDEX : ConstraintType.INDEX;
        if (!c.accept("INDEX")) {
            c.accept("KEY");
        }
        String name = c.at("(") || c.at("USING") ? null : c.identifier();
        if (c.accept("USING")) {
            c.next();
        }
        List<String> cols = TokenCursor.columnList(c.parenthesized());
        c.until(Set.of(","));
        return new ConstraintDef(type, name, cols, null, List.of(), List.of(), false, null);
    }

    private static ConstraintDef keyed(TokenCursor c, ConstraintType type, String name) {
        if (c.accept("USING", "INDEX")) {
            String index = c.identifier();
            return new ConstraintDef(type, name, List.of(), null, List.of(), List.of(), false, index);
        }
        c.accept("NULLS", "NOT", "DISTINCT");
        c.accept("NULLS", "DISTINCT");
        String mysqlName = c.atIdentifier() && !c.at("USING") ? c.identifier() : null;
        if (c.accept("USING")) {
            c.next();
        }
        List<String> cols = TokenCursor.columnList(c.parenthesized());
        return new ConstraintDef(type, name != null ? name : mysqlName, cols, null, List.of(), List.of(), false, null);
    }
}
