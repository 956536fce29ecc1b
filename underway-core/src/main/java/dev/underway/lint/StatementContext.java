package dev.underway.lint;

import dev.underway.dialect.Dialect;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Verdict;
import dev.underway.report.LintOptions;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementKind;
import dev.underway.sql.shape.StatementShape;
import dev.underway.sql.shape.TableName;

/**
 * Everything a rule may look at for one statement: the statement, its shape and verdict, the
 * schema model built from the statements before it, and how its file runs.
 *
 * @param inTransaction       the statement runs inside a transaction block (the file runs in one, or an
 *                            explicit BEGIN is open)
 * @param lockTimeoutSet      the file set a lock timeout before this statement (directive or SET)
 */
public record StatementContext(SqlStatement statement, StatementShape shape, Verdict verdict, SchemaModel schema,
                               Dialect dialect, LintOptions options, boolean inTransaction, boolean lockTimeoutSet) {

    /** True when the statement's table was created earlier in the same migration: nobody else uses it yet. */
    public boolean tableIsNew() {
        return shape.is(StatementKind.CREATE_TABLE) || shape.is(StatementKind.CREATE_TABLE_AS) || isNew(shape.table());
    }

    public boolean isNew(TableName table) {
        return schema.createdInMigration(table);
    }

    public boolean isPostgres() {
        return !dialect.kind().isMySqlFamily();
    }

    public String table() {
        return shape.table() == null ? "the table" : shape.table().toString();
    }
}
