package dev.underway.dialect;

import dev.underway.migration.QualifiedName;
import dev.underway.migration.TableColumn;
import dev.underway.migration.TableKey;

import java.util.List;
import java.util.Optional;

/**
 * A table's structure as far as batched data changes need it.
 *
 * @param key        the key to walk, or null when the table has neither a primary key nor a unique NOT NULL key
 * @param partitions the leaf partitions in a stable order (PostgreSQL declarative partitioning); empty otherwise
 */
public record TableInfo(QualifiedName name, List<TableColumn> columns, TableKey key, List<QualifiedName> partitions) {

    public Optional<TableColumn> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    public boolean isKeyColumn(String column) {
        return key != null && key.names().contains(column);
    }
}
