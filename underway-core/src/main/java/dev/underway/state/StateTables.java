package dev.underway.state;

import dev.underway.dialect.ColumnType;
import dev.underway.dialect.Dialect;
import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/** Creates Underway's own tables from logical column types, which each dialect renders. */
final class StateTables {
    /** A column of a state table. IDENTITY and TIMESTAMP_NOW render their own NOT NULL. */
    record Column(String name, ColumnType type, boolean notNull) {
    }

    private StateTables() {
    }

    static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** Creates the schema and the table if missing. */
    static void create(Connection c, Dialect dialect, QualifiedName table, List<Column> columns, String primaryKey)
            throws SQLException {
        if (dialect.schemas().tableExists(c, table)) {
            return;
        }
        dialect.schemas().createIfMissing(c, table.schema());
        String ddl = columns.stream()
                .map(col -> col.name() + " " + dialect.columnType(col.type()) + (col.notNull() ? " NOT NULL" : ""))
                .collect(Collectors.joining(",\n  "));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table.render(dialect) + " (\n  " + ddl
                    + ",\n  PRIMARY KEY (" + primaryKey + ")\n)");
        } catch (SQLException e) {
            // Another process may create the shared table at the same moment; PostgreSQL then
            // reports a unique violation even with IF NOT EXISTS.
            if (!dialect.schemas().tableExists(c, table)) {
                throw e;
            }
        }
    }
}
