package dev.underway.lint.fix;

import dev.underway.dialect.Dialect;
import dev.underway.lint.StatementAnalysis;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Token;
import dev.underway.migration.TokenType;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.ConstraintDef;
import dev.underway.sql.shape.ConstraintDef.ConstraintType;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.PostgresNames;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementShape;
import dev.underway.sql.shape.TableModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The mechanical PostgreSQL rewrites: CONCURRENTLY for index builds, drops and reindexes; NOT VALID +
 * VALIDATE for CHECK and FOREIGN KEY; the four-step SET NOT NULL; UNIQUE / PRIMARY KEY through a
 * concurrently built unique index. Each returns empty when the statement is not in the simple form it
 * knows how to rewrite (the finding then stays, with the explanation of what to do by hand).
 */
final class StatementRewrites {
    private static final Set<String> SQL_WORDS = Set.of("and", "or", "not", "is", "null", "in", "between", "like",
            "true", "false", "case", "when", "then", "else", "end", "any", "all", "array", "interval");

    private final Dialect dialect;

    StatementRewrites(Dialect dialect) {
        this.dialect = dialect;
    }

    Optional<Rewrite> rewrite(String code, StatementAnalysis a, SchemaModel schema) {
        return switch (code) {
            case "PG101" -> createIndexConcurrently(a, schema);
            case "PG116" -> nameConcurrentIndex(a, schema);
            case "PG102" -> a.shape().names().size() == 1 && !a.shape().has(Modifier.CASCADE)
                    ? insertAfter(a, "INDEX", " CONCURRENTLY", "DROP INDEX now runs CONCURRENTLY") : Optional.empty();
            case "PG104" -> dialect.version().isSameOrAfter(12, 0) ? reindex(a) : Optional.empty();
            case "PG105" -> notValid(a, schema);
            case "PG107" -> dialect.version().isSameOrAfter(12, 0) ? setNotNull(a) : Optional.empty();
            case "PG108" -> usingIndex(a, schema);
            default -> Optional.empty();
        };
    }

    private static Optional<Rewrite> insertAfter(StatementAnalysis a, String keyword, String text, String note) {
        return insertAfter(a.statement().sql(), a.statement(), keyword, text, note);
    }

    /** {@code sql} is the statement's text, or a rewrite of it that only inserted text after its tokens' offsets. */
    private static Optional<Rewrite> insertAfter(String sql, SqlStatement s, String keyword, String text, String note) {
        for (Token t : s.tokens()) {
            if (t.is(keyword)) {
                int at = t.end() - s.tokens().get(0).start();
                return Optional.of(new Rewrite(List.of(sql.substring(0, at) + text + sql.substring(at)), true, note));
            }
        }
        return Optional.empty();
    }

    /** CREATE INDEX → CREATE INDEX CONCURRENTLY, named as PostgreSQL would have named it when it has no name. */
    private Optional<Rewrite> createIndexConcurrently(StatementAnalysis a, SchemaModel schema) {
        return named(a, schema).flatMap(sql -> insertAfter(sql, a.statement(), "INDEX", " CONCURRENTLY",
                "CREATE INDEX now builds CONCURRENTLY" + namingNote(a, schema)));
    }

    /** CREATE INDEX CONCURRENTLY without a name, which Underway's executor refuses: the default name written. */
    private Optional<Rewrite> nameConcurrentIndex(StatementAnalysis a, SchemaModel schema) {
        return named(a, schema).map(sql -> new Rewrite(List.of(sql), true, "CREATE INDEX CONCURRENTLY"
                + namingNote(a, schema)));
    }

    private static String namingNote(StatementAnalysis a, SchemaModel schema) {
        return schema.defaultIndexName(a.shape()).map(n -> " and is named " + n + ", as PostgreSQL would have named it")
                .orElse("");
    }

    /**
     * The statement with the name PostgreSQL would give an unnamed index written before {@code ON} (a failed
     * concurrent build is dropped by name), as it is when it has a name; empty when the name cannot be derived.
     */
    private Optional<String> named(StatementAnalysis a, SchemaModel schema) {
        SqlStatement s = a.statement();
        if (!a.shape().names().isEmpty()) {
            return Optional.of(s.sql());
        }
        int on = s.indexOf("ON", 2);
        return on < 0 ? Optional.empty() : schema.defaultIndexName(a.shape()).map(name -> {
            int at = s.tokens().get(on).start() - s.tokens().get(0).start();
            return s.sql().substring(0, at) + dialect.quote(name) + " " + s.sql().substring(at);
        });
    }

    private static Optional<Rewrite> reindex(StatementAnalysis a) {
        List<Token> t = a.statement().tokens();
        int kind = t.get(1).type() == TokenType.OPEN_PAREN ? -1 : 1;
        if (kind < 0 || !(t.get(kind).is("INDEX") || t.get(kind).is("TABLE"))) {
            return Optional.empty();
        }
        return insertAfter(a, t.get(kind).text(), " CONCURRENTLY", "REINDEX now runs CONCURRENTLY");
    }

    /** {@code ALTER TABLE t ADD [CONSTRAINT c] CHECK|FOREIGN KEY ...} → {@code ... NOT VALID} + VALIDATE. */
    private Optional<Rewrite> notValid(StatementAnalysis a, SchemaModel schema) {
        StatementShape s = a.shape();
        if (s.actions().size() != 1 || !s.actions().get(0).is(ActionKind.ADD_CONSTRAINT)) {
            return Optional.empty();
        }
        ConstraintDef k = s.actions().get(0).constraint();
        String name = k.name() != null ? k.name() : defaultName(s, k, schema);
        String sql = a.statement().sql();
        if (k.name() == null) {
            Optional<String> named = nameConstraint(a.statement(), name);
            if (named.isEmpty()) {
                return Optional.empty();
            }
            sql = named.get();
        }
        String table = table(s);
        return Optional.of(new Rewrite(List.of(sql + " NOT VALID",
                "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + dialect.quote(name)), true,
                "constraint " + name + " is added NOT VALID, then validated in its own transaction"));
    }

    /** Inserts {@code CONSTRAINT name} after the ADD of an unnamed table constraint. */
    private Optional<String> nameConstraint(SqlStatement st, String name) {
        for (Token t : st.tokens()) {
            if (t.is("ADD")) {
                int at = t.end() - st.tokens().get(0).start();
                return Optional.of(st.sql().substring(0, at) + " CONSTRAINT " + dialect.quote(name) + st.sql().substring(at));
            }
        }
        return Optional.empty();
    }

    /** PostgreSQL's own choice for an unnamed constraint, so the catalog looks as if the original had run. */
    private static String defaultName(StatementShape s, ConstraintDef k, SchemaModel schema) {
        List<String> cols = k.columns();
        if (k.type() == ConstraintType.CHECK) {
            // PostgreSQL names a CHECK after its column only when it uses exactly one column.
            Optional<TableModel> t = schema.table(s.table());
            Set<String> used = new java.util.LinkedHashSet<>();
            List<Token> e = k.expression();
            for (int i = 0; i < e.size(); i++) {
                Token tok = e.get(i);
                boolean call = i + 1 < e.size() && e.get(i + 1).type() == TokenType.OPEN_PAREN;
                boolean word = tok.type() == TokenType.WORD || tok.type() == TokenType.QUOTED_IDENTIFIER;
                if (word && !call && !SQL_WORDS.contains(tok.text().toLowerCase(Locale.ROOT))
                        && (t.isEmpty() || t.get().column(tok.identifier()).isPresent())) {
                    used.add(tok.identifier());
                }
            }
            cols = used.size() == 1 ? List.copyOf(used) : List.of();
        }
        return SchemaModel.defaultName(s.table().name(), k, cols);
    }

    /** The four steps that make SET NOT NULL skip its scan (PostgreSQL 12+). */
    private Optional<Rewrite> setNotNull(StatementAnalysis a) {
        StatementShape s = a.shape();
        if (s.actions().size() != 1) {
            return Optional.empty();
        }
        String column = s.actions().get(0).column();
        String table = table(s);
        String check = notNullCheck(s, column);
        String col = dialect.quote(column);
        return Optional.of(new Rewrite(List.of(
                "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + col + " IS NOT NULL) NOT VALID",
                "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check,
                "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET NOT NULL",
                "ALTER TABLE " + table + " DROP CONSTRAINT " + check), true,
                "SET NOT NULL on " + column + " now goes through a validated CHECK, so it does not scan"));
    }

    /** ADD UNIQUE / PRIMARY KEY (cols) → CREATE UNIQUE INDEX CONCURRENTLY + ADD CONSTRAINT ... USING INDEX. */
    private Optional<Rewrite> usingIndex(StatementAnalysis a, SchemaModel schema) {
        StatementShape s = a.shape();
        if (s.actions().size() != 1 || !s.actions().get(0).is(ActionKind.ADD_CONSTRAINT)) {
            return Optional.empty();
        }
        AlterAction action = s.actions().get(0);
        ConstraintDef k = action.constraint();
        String upper = action.text().toUpperCase(Locale.ROOT);
        if (k.type() == ConstraintType.EXCLUDE || k.columns().isEmpty() || upper.contains(" INCLUDE")
                || upper.contains(" WITH ") || upper.contains(" NULLS ") || upper.contains("DEFERRABLE")) {
            return Optional.empty();
        }
        String name = k.name() != null ? k.name() : SchemaModel.defaultName(s.table().name(), k, k.columns());
        String table = table(s);
        String quoted = dialect.quote(name);
        String cols = String.join(", ", k.columns().stream().map(dialect::quote).toList());
        boolean pk = k.type() == ConstraintType.PRIMARY_KEY;
        List<String> out = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        if (pk && dialect.version().isSameOrAfter(12, 0)) {
            Optional<TableModel> t = schema.table(s.table());
            for (String c : k.columns()) {
                boolean notNull = t.flatMap(m -> m.column(c)).map(TableModel.ColumnModel::notNull).orElse(false);
                if (!notNull) {
                    String check = notNullCheck(s, c);
                    out.add("ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + dialect.quote(c)
                            + " IS NOT NULL) NOT VALID");
                    out.add("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check);
                    checks.add(check);
                }
            }
        }
        out.add("CREATE UNIQUE INDEX CONCURRENTLY " + quoted + " ON " + table + " (" + cols + ")");
        out.add("ALTER TABLE " + table + " ADD CONSTRAINT " + quoted + (pk ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX "
                + quoted);
        checks.forEach(c -> out.add("ALTER TABLE " + table + " DROP CONSTRAINT " + c));
        return Optional.of(new Rewrite(out, true, (pk ? "PRIMARY KEY " : "UNIQUE ") + name
                + " now uses a unique index built CONCURRENTLY"));
    }

    /** The quoted name of the CHECK (c IS NOT NULL) that lets SET NOT NULL skip its scan. */
    private String notNullCheck(StatementShape s, String column) {
        return dialect.quote(PostgresNames.identifier(s.table().name() + "_" + column + "_not_null_check"));
    }

    private String table(StatementShape s) {
        return (s.table().schema() == null ? "" : dialect.quote(s.table().schema()) + ".") + dialect.quote(s.table().name());
    }

}
