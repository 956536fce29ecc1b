package dev.underway.dialect.mysql;

import dev.underway.dialect.ColumnProfile;
import dev.underway.dialect.ColumnProfile.Kind;
import dev.underway.dialect.DataFill;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.ValueLists;
import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** information_schema for the columns; multi-row INSERTs, kept below the 65,535 placeholders a statement may have. */
final class MySqlDataFill implements DataFill {
    private static final int MAX_PLACEHOLDERS = 60_000;
    private static final int MAX_ROWS = 1_000;
    private static final Map<String, long[]> INTEGERS = Map.of("tinyint", new long[] {127, 255},
            "smallint", new long[] {32_767, 65_535}, "mediumint", new long[] {8_388_607, 16_777_215},
            "int", new long[] {2_147_483_647L, 4_294_967_295L}, "integer", new long[] {2_147_483_647L, 4_294_967_295L},
            "bigint", new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("decimal", Kind.DECIMAL), Map.entry("numeric", Kind.DECIMAL), Map.entry("float", Kind.FLOAT),
            Map.entry("double", Kind.FLOAT), Map.entry("real", Kind.FLOAT), Map.entry("char", Kind.TEXT),
            Map.entry("varchar", Kind.TEXT), Map.entry("tinytext", Kind.TEXT), Map.entry("text", Kind.TEXT),
            Map.entry("mediumtext", Kind.TEXT), Map.entry("longtext", Kind.TEXT), Map.entry("date", Kind.DATE),
            Map.entry("time", Kind.TIME), Map.entry("datetime", Kind.TIMESTAMP), Map.entry("timestamp", Kind.TIMESTAMP),
            Map.entry("json", Kind.JSON), Map.entry("binary", Kind.BINARY), Map.entry("varbinary", Kind.BINARY),
            Map.entry("tinyblob", Kind.BINARY), Map.entry("blob", Kind.BINARY), Map.entry("mediumblob", Kind.BINARY),
            Map.entry("longblob", Kind.BINARY), Map.entry("enum", Kind.ENUM), Map.entry("set", Kind.SET),
            Map.entry("uuid", Kind.UUID), Map.entry("inet4", Kind.INET));

    private final Dialect dialect;

    MySqlDataFill(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<ColumnProfile> profile(Connection c, QualifiedName table) throws SQLException {
        Set<String> unique = unique(c, table);
        Map<String, String[]> references = new HashMap<>();
        Set<String> composite = new HashSet<>();
        references(c, table, references, composite);
        List<ColumnProfile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,"
                + " COLUMN_DEFAULT, EXTRA, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String[] ref = references.get(name);
                    out.add(column(rs, unique.contains(name), ref == null ? null : new QualifiedName(ref[0], ref[1]),
                            ref == null ? null : ref[2], composite.contains(name)));
                }
            }
        }
        return withValueLists(c, table, out);
    }

    /** {@code CHECK (status IN ('new', 'active'))}, as information_schema spells it: {@code `status` in ('new','active')}. */
    private static List<ColumnProfile> withValueLists(Connection c, QualifiedName table, List<ColumnProfile> columns)
            throws SQLException {
        List<ColumnProfile> out = new ArrayList<>(columns);
        try (PreparedStatement ps = c.prepareStatement("SELECT cc.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS cc"
                + " JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA"
                + " AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ?"
                + " AND tc.CONSTRAINT_TYPE = 'CHECK'")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.util.Map.Entry<String, List<String>> in = ValueLists.inList(rs.getString(1));
                    if (in != null) {
                        ValueLists.apply(out, in.getKey(), in.getValue());
                    }
                }
            }
        }
        return out;
    }

    private static ColumnProfile column(ResultSet rs, boolean unique, QualifiedName refTable, String refColumn,
                                        boolean composite) throws SQLException {
        String dataType = rs.getString(2).toLowerCase(Locale.ROOT);
        String columnType = rs.getString(3).toLowerCase(Locale.ROOT);
        boolean unsigned = columnType.contains("unsigned");
        Kind kind;
        long max = Long.MAX_VALUE;
        if (columnType.startsWith("tinyint(1)") || dataType.equals("boolean")) {
            kind = Kind.BOOLEAN;
        } else if (INTEGERS.containsKey(dataType)) {
            kind = Kind.INTEGER;
            max = INTEGERS.get(dataType)[unsigned ? 1 : 0];
        } else {
            kind = KINDS.getOrDefault(dataType, Kind.UNSUPPORTED);
        }
        String extra = rs.getString(6) == null ? "" : rs.getString(6).toUpperCase(Locale.ROOT);
        String def = rs.getString(5);
        // MariaDB spells "no default, nullable" as the text NULL; a NOT NULL column without default has none at all.
        boolean hasDefault = def != null && !def.equalsIgnoreCase("NULL");
        boolean generated = extra.contains("GENERATED") || extra.equals("VIRTUAL") || extra.equals("PERSISTENT")
                || extra.equals("STORED");
        boolean serverFilled = hasDefault || generated || extra.contains("AUTO_INCREMENT");
        long chars = rs.getLong(7);
        Integer length = rs.wasNull() ? null : (int) Math.min(chars, Integer.MAX_VALUE);
        Integer precision = kind == Kind.DECIMAL ? rs.getInt(8) : null;
        Integer scale = kind == Kind.DECIMAL ? rs.getInt(9) : null;
        return new ColumnProfile(rs.getString(1), kind, rs.getString(3), length, precision, scale, max,
                kind == Kind.ENUM || kind == Kind.SET ? labels(rs.getString(3)) : List.of(),
                "YES".equals(rs.getString(4)), serverFilled, !generated, unique, refTable, refColumn, composite);
    }

    /** The quoted values of {@code enum('a','it''s')} or {@code set(...)}. */
    static List<String> labels(String columnType) {
        List<String> out = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        while (i > 0 && i < columnType.length()) {
            int open = columnType.indexOf('\'', i);
            if (open < 0) {
                break;
            }
            StringBuilder label = new StringBuilder();
            int j = open + 1;
            while (j < columnType.length()) {
                char ch = columnType.charAt(j);
                if (ch == '\'' && j + 1 < columnType.length() && columnType.charAt(j + 1) == '\'') {
                    label.append('\'');
                    j += 2;
                } else if (ch == '\'') {
                    break;
                } else {
                    label.append(ch);
                    j++;
                }
            }
            out.add(label.toString());
            i = j + 1;
        }
        return out;
    }

    private static Set<String> unique(Connection c, QualifiedName table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void references(Connection c, QualifiedName table, Map<String, String[]> single, Set<String> composite)
            throws SQLException {
        Map<String, List<String[]>> byConstraint = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA,"
                + " REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byConstraint.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        for (List<String[]> columns : byConstraint.values()) {
            for (String[] col : columns) {
                if (columns.size() == 1) {
                    single.put(col[0], new String[] {col[1], col[2], col[3]});
                } else {
                    composite.add(col[0]);
                }
            }
        }
    }

    @Override
    public void bind(PreparedStatement ps, int index, ColumnProfile column, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else if (column.kind() == Kind.BINARY) {
            ps.setBytes(index, HexFormat.of().parseHex(value.startsWith("\\x") ? value.substring(2) : value));
        } else {
            ps.setString(index, value);
        }
    }

    /** Bytes come back as the {@code \x...} hex that {@link #bind} decodes. */
    @Override
    public String text(ResultSet rs, int index, ColumnProfile column) throws SQLException {
        if (column.kind() == Kind.BINARY) {
            byte[] b = rs.getBytes(index);
            return b == null ? null : "\\x" + HexFormat.of().formatHex(b);
        }
        return rs.getString(index);
    }

    @Override
    public String bool(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public void insert(Connection c, QualifiedName table, List<ColumnProfile> columns, Rows rows, long count)
            throws SQLException {
        int perStatement = (int) Math.max(1, Math.min(MAX_ROWS, MAX_PLACEHOLDERS / Math.max(1, columns.size())));
        String tuple = "(" + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        String head = "INSERT INTO " + table.render(dialect) + " (" + columns.stream().map(x -> dialect.quote(x.name()))
                .collect(Collectors.joining(", ")) + ") VALUES ";
        PreparedStatement full = null;
        try {
            for (long done = 0; done < count; ) {
                int n = (int) Math.min(perStatement, count - done);
                PreparedStatement ps = n == perStatement && full != null ? full
                        : c.prepareStatement(head + String.join(", ", java.util.Collections.nCopies(n, tuple)));
                int p = 1;
                for (int r = 0; r < n; r++) {
                    String[] values = rows.row(done + r);
                    for (int v = 0; v < values.length; v++) {
                        bind(ps, p++, columns.get(v), values[v]);
                    }
                }
                ps.executeUpdate();
                if (n == perStatement) {
                    full = ps;
                } else {
                    ps.close();
                }
                done += n;
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    @Override
    public void analyze(Connection c, QualifiedName table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE " + table.render(dialect));
        }
    }
}
