package dev.underway.expand;

import dev.underway.dialect.postgres.PostgresCatalog;
import dev.underway.op.SchemaSnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link SchemaSnapshot} of one schema. Expand/contract with version schemas and triggers is
 * PostgreSQL only; the catalog queries are {@link PostgresCatalog}'s, this class assembles their rows.
 */
final class CatalogReader {
    private CatalogReader() {
    }

    static SchemaSnapshot read(Connection c, String schema) throws SQLException {
        Map<String, List<SchemaSnapshot.Column>> columns = new LinkedHashMap<>();
        for (PostgresCatalog.ColumnRow r : PostgresCatalog.columns(c, schema)) {
            columns.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(new SchemaSnapshot.Column(r.name(), r.type(),
                    r.notNull(), r.defaultSql(), r.comment(), r.generated()));
        }
        Map<String, Map<String, SchemaSnapshot.Constraint>> constraints = new LinkedHashMap<>();
        for (PostgresCatalog.ConstraintRow r : PostgresCatalog.constraints(c, schema)) {
            constraints.computeIfAbsent(r.table(), k -> new LinkedHashMap<>()).put(r.name(), new SchemaSnapshot.Constraint(
                    r.name(), r.type(), r.columns(), r.referencedTable(), r.referencedColumns(), r.definition()));
        }
        Map<String, Map<String, SchemaSnapshot.Index>> indexes = new LinkedHashMap<>();
        for (PostgresCatalog.IndexRow r : PostgresCatalog.indexes(c, schema)) {
            indexes.computeIfAbsent(r.table(), k -> new LinkedHashMap<>()).put(r.name(), new SchemaSnapshot.Index(r.name(),
                    r.columns(), r.unique(), r.primary(), r.definition()));
        }
        Map<String, String> identities = PostgresCatalog.replicaIdentities(c, schema);
        Map<String, SchemaSnapshot.Table> tables = new LinkedHashMap<>();
        for (Map.Entry<String, List<SchemaSnapshot.Column>> e : columns.entrySet()) {
            String table = e.getKey();
            Map<String, SchemaSnapshot.Constraint> ks = constraints.getOrDefault(table, Map.of());
            List<String> pk = ks.values().stream().filter(k -> k.type().equals("p")).findFirst()
                    .map(SchemaSnapshot.Constraint::columns).orElse(List.of());
            tables.put(table, new SchemaSnapshot.Table(table, e.getValue(), pk, ks, indexes.getOrDefault(table, Map.of()),
                    identities.getOrDefault(table, "DEFAULT")));
        }
        return new SchemaSnapshot(schema, tables);
    }
}
