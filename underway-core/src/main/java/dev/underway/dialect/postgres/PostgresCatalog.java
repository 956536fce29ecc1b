package dev.underway.dialect.postgres;

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

/**
 * Reads the shape of one schema from PostgreSQL's catalog (columns, constraints, indexes, replica identity) and
 * the comments of schemas, for expand/contract: rows as the catalog holds them, one record per row.
 */
public final class PostgresCatalog {
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
                   ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY u(n, o)
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.o)
                   || ARRAY(SELECT a.attname FROM pg_attribute a
                            WHERE a.attrelid = i.indrelid AND a.attnum > 0 AND a.attnum <> ALL (i.indkey)
                              AND EXISTS (SELECT 1 FROM pg_depend d
                                          WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid
                                            AND d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indrelid
                                            AND d.refobjsubid = a.attnum)
                            ORDER BY a.attnum),
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

    private static final String SCHEMA_COMMENTS = "SELECT nspname, obj_description(oid, 'pg_namespace')"
            + " FROM pg_namespace WHERE obj_description(oid, 'pg_namespace') LIKE ?";

    /** A column of a table ({@code generated}: an identity or generated column). */
    public record ColumnRow(String table, String name, String type, boolean notNull, String defaultSql, String comment,
                            boolean generated) {
    }

    /**
     * A constraint of a table: {@code type} is {@code pg_constraint.contype} (p, u, c, f, x); the referenced table
     * is null unless it is a foreign key to a table of the same schema.
     */
    public record ConstraintRow(String table, String name, String type, List<String> columns, String referencedTable,
                                List<String> referencedColumns, String definition) {
    }

    /**
     * An index of a table. {@code columns}: its key columns in key order (included columns too), then the columns
     * its expressions and predicate use, by position in the table. Those come from the dependencies the server
     * records for the index ({@code pg_depend}), not from the definition's text, so any column name reads right.
     */
    public record IndexRow(String table, String name, List<String> columns, boolean unique, boolean primary,
                           String definition) {
    }

    private PostgresCatalog() {
    }

    /** The columns of the schema's tables (partitions left out), by table name then position. */
    public static List<ColumnRow> columns(Connection c, String schema) throws SQLException {
        return rows(c, COLUMNS, schema, rs -> new ColumnRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
    }

    public static List<ConstraintRow> constraints(Connection c, String schema) throws SQLException {
        return rows(c, CONSTRAINTS, schema, rs -> new ConstraintRow(rs.getString(1), rs.getString(2), rs.getString(3),
                strings(rs.getArray(4)), rs.getString(5), strings(rs.getArray(6)), rs.getString(7)));
    }

    public static List<IndexRow> indexes(Connection c, String schema) throws SQLException {
        return rows(c, INDEXES, schema, rs -> new IndexRow(rs.getString(1), rs.getString(2), strings(rs.getArray(5)),
                rs.getBoolean(3), rs.getBoolean(4), rs.getString(6)));
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> rows(Connection c, String sql, String parameter, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
        }
        return out;
    }

    /**
     * The replica identity of each table as the clause of {@code ALTER TABLE ... REPLICA IDENTITY}: DEFAULT, FULL,
     * NOTHING or USING INDEX with the index quoted.
     */
    public static Map<String, String> replicaIdentities(Connection c, String schema) throws SQLException {
        Map<String, String> identities = new LinkedHashMap<>();
        for (String[] r : rows(c, REPLICA_IDENTITY, schema, rs -> new String[] {rs.getString(1), switch (rs.getString(2)) {
            case "f" -> "FULL";
            case "n" -> "NOTHING";
            case "i" -> rs.getString(3) == null ? "DEFAULT" : PostgresExpandDdl.replicaIdentityIndex(rs.getString(3));
            default -> "DEFAULT";
        }})) {
            identities.put(r[0], r[1]);
        }
        return identities;
    }

    /** Schemas whose comment starts with {@code prefix}, with their comments, in catalog order. */
    public static Map<String, String> schemaComments(Connection c, String prefix) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        for (String[] r : rows(c, SCHEMA_COMMENTS, pattern, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            out.put(r[0], r[1]);
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
