package dev.underway.dialect.mysql;

import dev.underway.dialect.TableInfo;
import dev.underway.dialect.TableIntrospection;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.TableColumn;
import dev.underway.migration.TableKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** information_schema on MySQL and MariaDB. Partitioned tables need no special walk here. */
final class MySqlTableIntrospection implements TableIntrospection {
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
    private static final Set<String> BINARIES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob");

    @Override
    public Optional<TableInfo> table(Connection c, QualifiedName name) throws SQLException {
        if (!exists(c, name)) {
            return Optional.empty();
        }
        List<TableColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, EXTRA"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            bind(ps, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dataType = rs.getString(3).toLowerCase(Locale.ROOT);
                    String extra = rs.getString(5) == null ? "" : rs.getString(5).toUpperCase(Locale.ROOT);
                    boolean generated = extra.contains("VIRTUAL GENERATED") || extra.contains("STORED GENERATED")
                            || extra.equals("VIRTUAL") || extra.equals("PERSISTENT");
                    columns.add(new TableColumn(rs.getString(1), rs.getString(2), kind(dataType),
                            "NO".equals(rs.getString(4)), !generated));
                }
            }
        }
        return Optional.of(new TableInfo(name, columns, key(c, name, columns), List.of()));
    }

    private static boolean exists(Connection c, QualifiedName name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            bind(ps, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static TableColumn.KeyKind kind(String dataType) {
        if (INTEGERS.contains(dataType)) {
            return TableColumn.KeyKind.INTEGER;
        }
        if (dataType.equals("decimal")) {
            return TableColumn.KeyKind.DECIMAL;
        }
        return BINARIES.contains(dataType) ? TableColumn.KeyKind.BINARY : TableColumn.KeyKind.TEXT;
    }

    /** PRIMARY, else the narrowest unique index on whole (not prefix) NOT NULL columns. */
    private static TableKey key(Connection c, QualifiedName name, List<TableColumn> columns) throws SQLException {
        Map<String, List<String>> unique = new LinkedHashMap<>();
        Set<String> unusable = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0"
                + " ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX")) {
            bind(ps, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String index = rs.getString(1);
                    String column = rs.getString(2);
                    unique.computeIfAbsent(index, i -> new ArrayList<>()).add(column);
                    if (column == null || rs.getObject(3) != null) {
                        unusable.add(index);
                    }
                }
            }
        }
        TableKey best = null;
        for (Map.Entry<String, List<String>> e : unique.entrySet()) {
            if (unusable.contains(e.getKey())) {
                continue;
            }
            List<TableColumn> key = e.getValue().stream()
                    .map(n -> columns.stream().filter(col -> col.name().equalsIgnoreCase(n)).findFirst().orElseThrow())
                    .toList();
            if (!key.stream().allMatch(TableColumn::notNull)) {
                continue;
            }
            boolean primary = e.getKey().equals("PRIMARY");
            if (primary) {
                return new TableKey("primary key", key);
            }
            if (best == null || key.size() < best.columns().size()) {
                best = new TableKey("unique index " + e.getKey(), key);
            }
        }
        return best;
    }

    @Override
    public long estimateRows(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            bind(ps, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void bind(PreparedStatement ps, QualifiedName name) throws SQLException {
        ps.setString(1, name.schema());
        ps.setString(2, name.name());
    }
}
