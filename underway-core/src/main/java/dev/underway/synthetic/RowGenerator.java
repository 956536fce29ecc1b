package dev.underway.synthetic;

import dev.underway.dialect.ColumnProfile;
import dev.underway.dialect.DataFill;
import dev.underway.dialect.Dialect;
import dev.underway.migration.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Synthetic rows for one table: which columns an INSERT writes (every column the server does not
 * fill itself) and how each value is made. Values are text the server converts to the column's
 * type, {@code null} for SQL NULL; columns of keys and unique constraints get values unique per row
 * number; foreign key columns take keys sampled from the referenced table.
 */
public final class RowGenerator {
    /** How many keys of a referenced table foreign key values are drawn from. */
    static final int PARENT_SAMPLE = 100_000;
    /** How many existing rows the values of ordinary columns are drawn from, for a load. */
    static final int OBSERVED_ROWS = 2_000;

    private final QualifiedName table;
    private final Dialect dialect;
    private final List<ColumnGenerator> inserted;
    private final Map<String, ColumnGenerator> updatable;

    private RowGenerator(QualifiedName table, Dialect dialect, List<ColumnGenerator> inserted,
                         Map<String, ColumnGenerator> updatable) {
        this.table = table;
        this.dialect = dialect;
        this.inserted = inserted;
        this.updatable = updatable;
    }

    /**
     * Reads the table's columns, keys and foreign keys; samples keys of referenced tables. Refuses (usage error) a
     * NOT NULL column without a default whose values it cannot make.
     */
    public static RowGenerator forTable(Connection c, Dialect dialect, QualifiedName table) throws SQLException {
        DataFill fill = dialect.dataFill();
        Map<QualifiedName, List<String>> parents = new HashMap<>();
        List<ColumnGenerator> inserted = new ArrayList<>();
        Map<String, ColumnGenerator> updatable = new LinkedHashMap<>();
        for (ColumnProfile p : fill.profile(c, table)) {
            if (!p.writable()) {
                continue;
            }
            List<String> keys = p.references() == null ? List.of()
                    : parents.computeIfAbsent(p.references(), t -> List.of());
            if (p.references() != null && keys.isEmpty()) {
                keys = sample(c, dialect, p.references(), p.referencedColumn());
                parents.put(p.references(), keys);
            }
            if (p.serverFilled()) {
                if (updatable(p)) {
                    updatable.put(p.name(), new ColumnGenerator(asNullable(p), fill, keys, table.toString()));
                }
                continue;
            }
            ColumnGenerator g = new ColumnGenerator(p, fill, keys, table.toString());
            inserted.add(g);
            if (updatable(p)) {
                updatable.put(p.name(), g);
            }
        }
        return new RowGenerator(table, dialect, inserted, updatable);
    }

    /** An ordinary column a load may overwrite: not part of a key or a reference, of a kind values are made for. */
    private static boolean updatable(ColumnProfile p) {
        return !p.unique() && p.references() == null && !p.compositeReference()
                && p.kind() != ColumnProfile.Kind.UNSUPPORTED;
    }

    /** A column the server fills may still be updated; its generator must not refuse it for lacking values. */
    private static ColumnProfile asNullable(ColumnProfile p) {
        return new ColumnProfile(p.name(), p.kind(), p.type(), p.length(), p.precision(), p.scale(), p.maxInteger(),
                p.labels(), true, p.serverFilled(), p.writable(), p.unique(), p.references(), p.referencedColumn(),
                p.compositeReference());
    }

    private static List<String> sample(Connection c, Dialect dialect, QualifiedName parent, String column)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + dialect.quote(column) + " FROM "
                + parent.render(dialect) + " WHERE " + dialect.quote(column) + " IS NOT NULL LIMIT " + PARENT_SAMPLE)) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /**
     * The same rows, but with the values of ordinary (not unique) columns drawn from rows already in the table: an
     * application's writes look like its data, and satisfy constraints a migration may add later (a foreign key, a
     * CHECK) whenever the existing rows do.
     */
    public RowGenerator likeRowsIn(Connection c) throws SQLException {
        Map<String, List<String>> samples = new HashMap<>();
        List<ColumnGenerator> ins = new ArrayList<>();
        for (ColumnGenerator g : inserted) {
            ins.add(drawing(c, g, samples));
        }
        Map<String, ColumnGenerator> upd = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnGenerator> e : updatable.entrySet()) {
            upd.put(e.getKey(), drawing(c, e.getValue(), samples));
        }
        return new RowGenerator(table, dialect, ins, upd);
    }

    private ColumnGenerator drawing(Connection c, ColumnGenerator g, Map<String, List<String>> samples)
            throws SQLException {
        ColumnProfile p = g.column();
        if (p.unique() || p.references() != null) {
            return g;
        }
        List<String> values = samples.get(p.name());
        if (values == null) {
            values = new ArrayList<>();
            String column = dialect.quote(p.name());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT " + column + " FROM"
                    + " (SELECT " + column + " FROM " + table.render(dialect) + " WHERE " + column + " IS NOT NULL LIMIT "
                    + OBSERVED_ROWS + ") s")) {
                while (rs.next()) {
                    values.add(dialect.dataFill().text(rs, 1, p));
                }
            }
            samples.put(p.name(), values);
        }
        return values.isEmpty() ? g : g.drawingFrom(values);
    }

    public QualifiedName table() {
        return table;
    }

    /** The columns an INSERT writes, in order (unquoted names). */
    public List<String> columns() {
        return inserted.stream().map(g -> g.column().name()).toList();
    }

    List<ColumnProfile> profiles() {
        return inserted.stream().map(ColumnGenerator::column).toList();
    }

    /** One row's values for {@link #columns()}. */
    public String[] values(long rowNumber, SplittableRandom rnd) {
        String[] out = new String[inserted.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = inserted.get(i).value(rowNumber, rnd);
        }
        return out;
    }

    /** A single-row INSERT with placeholders for {@link #columns()}, schema-qualified. */
    public String insertSql() {
        return "INSERT INTO " + table.render(dialect) + " (" + columns().stream().map(dialect::quote)
                .collect(Collectors.joining(", ")) + ") VALUES (" + columns().stream().map(x -> "?")
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Binds {@link #values} at placeholders {@code first, first + 1, ...}. */
    public void bind(PreparedStatement ps, int first, String[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            dialect.dataFill().bind(ps, first + i, inserted.get(i).column(), values[i]);
        }
    }

    /** Binds one value of {@link #valueFor} for an UPDATE of {@code column}. */
    public void bindOne(PreparedStatement ps, int index, String column, String value) throws SQLException {
        dialect.dataFill().bind(ps, index, updatable.get(column).column(), value);
    }

    /** Columns a load's UPDATE may set to a fresh value. */
    public List<String> updatableColumns() {
        return List.copyOf(updatable.keySet());
    }

    /** A fresh value for one of {@link #updatableColumns()}. */
    public String valueFor(String column, long rowNumber, SplittableRandom rnd) {
        return updatable.get(column).value(rowNumber, rnd);
    }
}
