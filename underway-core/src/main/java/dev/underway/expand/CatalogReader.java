package dev.underway.expand;

import dev.underway.op.SchemaSnapshot;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.underway.dialect.postgres.PostgresQuoting.quote;

/**
 * Reads a {@link SchemaSnapshot} of one schema from PostgreSQL's catalog. Expand/contract with
 * version schemas and triggers is PostgreSQL only, so this reader (like the operations' SQL)
 * speaks PostgreSQL directly.
 */
final class CatalogReader {
    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum),
                   a.attidentity <> '' OR a.attgenerated <> ''
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            ORDER BY c.relname, a.attnum""";
    private static final String CONSTRAINTS = """
            SELECT c.relname, k.conname, k.contype,
                   ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o),
                   CASE WHEN rn.nspname = n.nspname THEN r.relname END,
                   ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o),
                   pg_get_constraintdef(k.oid)
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class r ON r.oid = k.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'c', 'f', 'x')
            ORDER BY c.relname, k.conname""";
    private static final String INDEXES = """
            SELECT c.relname, ic.relname, i.indisunique, i.indisprimary,
                   ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                         AND (a.attnum = ANY (i.indkey) OR pg_get_indexdef(i.indexrelid) ~ ('\\m' || a.attname || '\\M'))),
                   pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ?
            ORDER BY c.relname, ic.relname""";

    private static final String REPLICA_IDENTITY = """
            SELECT c.relname, c.relreplident,
                   (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                    WHERE i.indrelid = c.oid AND i.indisreplident)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition""";

    private CatalogReader() {
    }

    static SchemaSnapshot read(Connection c, String schema) throws SQLException {
        Map<String, List<SchemaSnapshot.Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SchemaSnapshot.Column(
                            rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                            rs.getBoolean(7)));
                }
            }
        }
        Map<String, Map<String, SchemaSnapshot.Constraint>> constraints = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    constraints.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            new SchemaSnapshot.Constraint(rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                                    rs.getString(5), strings(rs.getArray(6)), rs.getString(7)));
                }
            }
        }
        Map<String, Map<String, SchemaSnapshot.Index>> indexes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            new SchemaSnapshot.Index(rs.getString(2), strings(rs.getArray(5)), rs.getBoolean(3),
                                    rs.getBoolean(4), rs.getString(6)));
                }
            }
        }
        Map<String, String> identities = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(REPLICA_IDENTITY)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    identities.put(rs.getString(1), switch (rs.getString(2)) {
                        case "f" -> "FULL";
                        case "n" -> "NOTHING";
                        case "i" -> rs.getString(3) == null ? "DEFAULT" : "USING INDEX " + quote(rs.getString(3));
                        default -> "DEFAULT";
                    });
                }
            }
        }
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

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
