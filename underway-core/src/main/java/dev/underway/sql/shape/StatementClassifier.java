package dev.underway.sql.shape;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.TokenType;

import java.util.Locale;

/**
 * Turns a statement's tokens into a {@link StatementShape}. One classifier serves both
 * engines; {@code mysql} switches on MySQL/MariaDB syntax (MODIFY, CHANGE, ALGORITHM=, ...).
 * It reads only what locking depends on and says UNKNOWN for anything else.
 */
public final class StatementClassifier {
    private final boolean mysql;

    public StatementClassifier(boolean mysql) {
        this.mysql = mysql;
    }

    public StatementShape classify(SqlStatement statement) {
        try {
            return dispatch(statement);
        } catch (RuntimeException e) {
            // A statement shape the parser did not expect: unknown, never a crash of the linter.
            return StatementShape.of(StatementKind.UNKNOWN);
        }
    }

    private StatementShape dispatch(SqlStatement statement) {
        var tokens = statement.tokens();
        if (tokens.isEmpty() || tokens.get(0).type() != TokenType.WORD) {
            return StatementShape.of(StatementKind.UNKNOWN);
        }
        DdlReader ddl = new DdlReader(statement, mysql);
        OtherStatementReader other = new OtherStatementReader(statement, mysql);
        String first = tokens.get(0).text().toUpperCase(Locale.ROOT);
        return switch (first) {
            case "CREATE" -> ddl.create();
            case "ALTER" -> ddl.alter();
            case "DROP" -> ddl.drop();
            case "RENAME" -> ddl.renameTables();
            case "TRUNCATE" -> ddl.truncate();
            case "REINDEX" -> ddl.reindex();
            case "VACUUM" -> other.vacuum();
            case "CLUSTER" -> other.tableStatement(StatementKind.CLUSTER, "CLUSTER", "VERBOSE");
            case "ANALYZE", "ANALYSE" -> other.tableStatement(StatementKind.ANALYZE, first, "VERBOSE", "TABLE");
            case "OPTIMIZE" -> other.optimize();
            case "REFRESH" -> other.refresh();
            case "LOCK" -> other.lock();
            case "COMMENT" -> other.comment();
            case "GRANT", "REVOKE", "SECURITY" -> StatementShape.of(StatementKind.CATALOG_ONLY);
            case "SET", "RESET", "USE" -> other.set();
            case "SELECT", "VALUES", "SHOW", "EXPLAIN", "DESCRIBE" -> StatementShape.of(StatementKind.SELECT);
            case "WITH" -> other.with();
            case "INSERT", "REPLACE", "COPY" -> other.insert();
            case "UPDATE" -> other.update();
            case "DELETE" -> other.delete();
            case "BEGIN", "COMMIT", "ROLLBACK", "START", "END", "ABORT", "SAVEPOINT", "RELEASE" ->
                    StatementShape.of(StatementKind.TRANSACTION_CONTROL);
            case "DO", "CALL" -> StatementShape.of(StatementKind.PROCEDURAL);
            default -> StatementShape.of(StatementKind.UNKNOWN);
        };
    }
}
