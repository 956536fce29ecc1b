package dev.underway.dialect.postgres;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.TableInfo;
import dev.underway.dialect.TableIntrospection;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.TableColumn;
import dev.underway.migration.TableKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** PostgreSQL's catalog: pg_attribute, pg_index and pg_partition_tree. */
final class PostgresTableIntrospection implements TableIntrospection {
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

    private final Dialect dialect;

    PostgresTableIntrospection(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Optional<TableInfo> table(Connection c, QualifiedName name) throws SQLException {
        long oid;
        boolean partitioned;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, c.relkind FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, name.schema());
            ps.setString(2, name.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                oid = rs.getLong(1);
                partitioned = "p".equals(rs.getString(2));
            }
        }
        List<TableColumn> columns = columns(c, oid);
        return Optional.of(new TableInfo(name, columns, key(c, oid, columns),
                partitioned ? partitions(c, oid) : List.of()));
    }

    private static List<TableColumn> columns(Connection c, long oid) throws SQLException {
        List<TableColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " t.typcategory, a.attnotnull, a.attidentity, a.attgenerated FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    TableColumn.KeyKind kind = switch (rs.getString(3)) {
                        case "N" -> type.startsWith("numeric") ? TableColumn.KeyKind.DECIMAL : TableColumn.KeyKind.INTEGER;
                        default -> TableColumn.KeyKind.TEXT;
                    };
                    boolean writable = !"a".equals(rs.getString(5)) && rs.getString(6).isEmpty();
                    columns.add(new TableColumn(rs.getString(1), type, kind, rs.getBoolean(4), writable));
                }
            }
        }
        return columns;
    }

    /** The primary key, else the narrowest plain unique index whose columns are all NOT NULL. */
    private static TableKey key(Connection c, long oid, List<TableColumn> columns) throws SQLException {
        Map<String, TableColumn> byName = columns.stream().collect(Collectors.toMap(TableColumn::name, Function.identity()));
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indisprimary, ic.relname,"
                + " array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " WHERE i.indrelid = ? AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL"
                + " GROUP BY i.indisprimary, ic.relname, i.indnatts"
                + " ORDER BY i.indisprimary DESC, i.indnatts, ic.relname")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] names = (String[]) rs.getArray(3).getArray();
                    List<TableColumn> key = new ArrayList<>();
                    for (String n : names) {
                        key.add(byName.get(n));
                    }
                    if (key.stream().allMatch(TableColumn::notNull)) {
                        return new TableKey(rs.getBoolean(1) ? "primary key" : "unique index " + rs.getString(2), key);
                    }
                }
            }
        }
        return null;
    }

    private static List<QualifiedName> partitions(Connection c, long oid) throws SQLException {
        List<QualifiedName> leaves = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, c.relname FROM pg_partition_tree(?::oid) p"
                + " JOIN pg_class c ON c.oid = p.relid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE p.isleaf ORDER BY n.nspname, c.relname")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaves.add(new QualifiedName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return leaves;
    }

    /**
     * The live rows the statistics collector counts (inserts minus deletes, so not fooled by the dead rows that
     * updates leave, as the planner's estimate is: it scales the last ANALYZE's rows per page by today's pages);
     * before the collector has seen the table, the planner's estimate, which exists even before the first ANALYZE.
     */
    @Override
    public long estimateRows(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_stat_get_live_tuples(?::regclass)")) {
            ps.setString(1, table.render(dialect));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return rs.getLong(1);
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN SELECT 1 FROM " + table.render(dialect))) {
            if (rs.next()) {
                Matcher m = PLAN_ROWS.matcher(rs.getString(1));
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
            return 0;
        }
    }
}
