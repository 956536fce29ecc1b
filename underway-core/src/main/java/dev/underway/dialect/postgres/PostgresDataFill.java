package dev.underway.dialect.postgres;

import dev.underway.dialect.ColumnProfile;
import dev.underway.dialect.ColumnProfile.Kind;
import dev.underway.dialect.DataFill;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.ValueLists;
import dev.underway.migration.QualifiedName;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** pg_attribute and pg_constraint for the columns, COPY FROM STDIN in text format for the rows. */
final class PostgresDataFill implements DataFill {
    private static final int CHUNK_BYTES = 1 << 20;
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("int2", Kind.INTEGER), Map.entry("int4", Kind.INTEGER), Map.entry("int8", Kind.INTEGER),
            Map.entry("numeric", Kind.DECIMAL), Map.entry("money", Kind.DECIMAL), Map.entry("float4", Kind.FLOAT),
            Map.entry("float8", Kind.FLOAT), Map.entry("bool", Kind.BOOLEAN), Map.entry("text", Kind.TEXT),
            Map.entry("varchar", Kind.TEXT), Map.entry("bpchar", Kind.TEXT), Map.entry("citext", Kind.TEXT),
            Map.entry("name", Kind.TEXT), Map.entry("date", Kind.DATE), Map.entry("time", Kind.TIME),
            Map.entry("timetz", Kind.TIME), Map.entry("timestamp", Kind.TIMESTAMP), Map.entry("timestamptz", Kind.TIMESTAMPTZ),
            Map.entry("uuid", Kind.UUID), Map.entry("json", Kind.JSON), Map.entry("jsonb", Kind.JSON),
            Map.entry("bytea", Kind.BINARY), Map.entry("inet", Kind.INET), Map.entry("cidr", Kind.INET));
    private static final Map<String, Long> MAX = Map.of("int2", (long) Short.MAX_VALUE, "int4", (long) Integer.MAX_VALUE,
            "int8", Long.MAX_VALUE);

    private final Dialect dialect;

    PostgresDataFill(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<ColumnProfile> profile(Connection c, QualifiedName table) throws SQLException {
        long oid = oid(c, table);
        List<ColumnProfile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " coalesce(bt.typname, t.typname), coalesce(bt.typtype, t.typtype),"
                + " CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END, a.attnotnull,"
                + " a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '', a.attidentity = 'a' OR a.attgenerated <> '',"
                + " (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e"
                + "   WHERE e.enumtypid = coalesce(bt.oid, t.oid)),"
                + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisunique AND i.indpred IS NULL"
                + "   AND a.attnum = ANY (i.indkey::int2[]))"
                + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype"
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(column(rs));
                }
            }
        }
        return withValueLists(c, oid, withReferences(c, oid, out));
    }

    /** PostgreSQL writes {@code status IN ('a', 'b')} as {@code status = ANY (ARRAY['a'::text, 'b'::text])}. */
    private static List<ColumnProfile> withValueLists(Connection c, long oid, List<ColumnProfile> columns)
            throws SQLException {
        List<ColumnProfile> out = new ArrayList<>(columns);
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, pg_get_constraintdef(con.oid) FROM pg_constraint con"
                + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]"
                + " WHERE con.conrelid = ? AND con.contype = 'c' AND cardinality(con.conkey) = 1")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> values = ValueLists.anyArray(rs.getString(2));
                    if (!values.isEmpty()) {
                        ValueLists.apply(out, rs.getString(1), values);
                    }
                }
            }
        }
        return out;
    }

    private static ColumnProfile column(ResultSet rs) throws SQLException {
        String base = rs.getString(3);
        int mod = rs.getInt(5);
        Kind kind = "e".equals(rs.getString(4)) ? Kind.ENUM : KINDS.getOrDefault(base, Kind.UNSUPPORTED);
        Integer length = null;
        Integer precision = null;
        Integer scale = null;
        if (base.equals("varchar") || base.equals("bpchar")) {
            length = mod > 4 ? mod - 4 : base.equals("bpchar") ? 1 : null;
        } else if (base.equals("numeric") && mod > 4) {
            precision = ((mod - 4) >> 16) & 0xFFFF;
            scale = (mod - 4) & 0xFFFF;
        }
        java.sql.Array labels = rs.getArray(9);
        return new ColumnProfile(rs.getString(1), kind, rs.getString(2), length, precision, scale,
                MAX.getOrDefault(base, Long.MAX_VALUE), labels == null ? List.of() : Arrays.asList((String[]) labels.getArray()),
                !rs.getBoolean(6), rs.getBoolean(7), !rs.getBoolean(8), rs.getBoolean(10), null, null, false);
    }

    private static List<ColumnProfile> withReferences(Connection c, long oid, List<ColumnProfile> columns)
            throws SQLException {
        List<ColumnProfile> out = new ArrayList<>(columns);
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, rn.nspname, rc.relname, ra.attname,"
                + " cardinality(con.conkey) FROM pg_constraint con"
                + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)"
                + " JOIN pg_class rc ON rc.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
                + " JOIN pg_attribute ra ON ra.attrelid = con.confrelid"
                + "   AND ra.attnum = con.confkey[array_position(con.conkey, a.attnum)]"
                + " WHERE con.conrelid = ? AND con.contype = 'f'")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < out.size(); i++) {
                        ColumnProfile p = out.get(i);
                        if (p.name().equals(rs.getString(1))) {
                            out.set(i, rs.getInt(5) == 1 ? p.withReference(new QualifiedName(rs.getString(2),
                                    rs.getString(3)), rs.getString(4)) : p.inCompositeReference());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static long oid(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("table " + table + " does not exist", "42P01");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Unknown-typed text, which the server converts to the column's type as it would a literal. */
    @Override
    public void bind(PreparedStatement ps, int index, ColumnProfile column, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value, Types.OTHER);
        }
    }

    @Override
    public String text(ResultSet rs, int index, ColumnProfile column) throws SQLException {
        return rs.getString(index);
    }

    @Override
    public String bool(boolean value) {
        return value ? "t" : "f";
    }

    @Override
    public void insert(Connection c, QualifiedName table, List<ColumnProfile> columns, Rows rows, long count)
            throws SQLException {
        String sql = "COPY " + table.render(dialect) + " (" + columns.stream().map(x -> dialect.quote(x.name()))
                .collect(Collectors.joining(", ")) + ") FROM STDIN";
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder buffer = new StringBuilder(CHUNK_BYTES + 4096);
            for (long i = 0; i < count; i++) {
                String[] values = rows.row(i);
                for (int v = 0; v < values.length; v++) {
                    if (v > 0) {
                        buffer.append('\t');
                    }
                    CopyText.append(buffer, values[v]);
                }
                buffer.append('\n');
                if (buffer.length() >= CHUNK_BYTES) {
                    write(copy, buffer);
                }
            }
            write(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void analyze(Connection c, QualifiedName table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table.render(dialect));
        }
    }
}
