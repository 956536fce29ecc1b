package dev.underway.load;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.BatchSql;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.TableInfo;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.TableColumn;
import dev.underway.migration.TableKey;
import dev.underway.report.QueryKind;
import dev.underway.synthetic.RowGenerator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The queries a simulated application runs on one table, as it knew the table when the load
 * started: a point read of every column by key, an insert of a synthetic row, and an update of one
 * ordinary column by key. Written values of ordinary columns are drawn from the rows already there. Table names are unqualified, so the session's schema decides which
 * version of the table they reach.
 */
final class TableWorkload {
    final String name;
    final String readSql;
    final String insertSql;
    /** Update statements by column. */
    final Map<String, String> updateSql;
    final RowGenerator rows;
    final KeyPool keys;
    private final TableKey key;
    private final BatchSql batches;
    private final BatchSql.Condition keyCondition;
    private final int[] keyInRow;
    private final AtomicLong nextRow;

    private TableWorkload(String name, String readSql, String insertSql, Map<String, String> updateSql,
                          RowGenerator rows, KeyPool keys, TableKey key, BatchSql batches,
                          BatchSql.Condition keyCondition, int[] keyInRow, long firstRow) {
        this.name = name;
        this.readSql = readSql;
        this.insertSql = insertSql;
        this.updateSql = updateSql;
        this.rows = rows;
        this.keys = keys;
        this.key = key;
        this.batches = batches;
        this.keyCondition = keyCondition;
        this.keyInRow = keyInRow;
        this.nextRow = new AtomicLong(firstRow);
    }

    static TableWorkload build(Connection c, Dialect d, String schema, String table) throws SQLException {
        QualifiedName qualified = new QualifiedName(schema, table);
        TableInfo info = d.tables().table(c, qualified).orElseThrow(() -> UnderwayException.of(Reason.NO_SUCH_OBJECT, 
                "the load's table " + qualified + " does not exist (or is not a base table)").table(qualified.toString()));
        RowGenerator rows = RowGenerator.forTable(c, d, qualified).likeRowsIn(c);
        String t = d.quote(table);
        String insert = "INSERT INTO " + t + " (" + rows.columns().stream().map(d::quote).collect(Collectors.joining(", "))
                + ") VALUES (" + rows.columns().stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        TableKey key = info.key();
        if (key == null) {
            return new TableWorkload(table, null, insert, Map.of(), rows, null, null, d.batches(), null, new int[0],
                    firstRow(c, d, qualified, null));
        }
        BatchSql.Condition condition = d.batches().keyIn(key.columns(), 1);
        String read = "SELECT " + info.columns().stream().map(x -> d.quote(x.name())).collect(Collectors.joining(", "))
                + " FROM " + t + " WHERE " + condition.sql();
        Map<String, String> updates = new LinkedHashMap<>();
        for (String column : rows.updatableColumns()) {
            updates.put(column, "UPDATE " + t + " SET " + d.quote(column) + " = ? WHERE " + condition.sql());
        }
        int[] keyInRow = key.names().stream().mapToInt(rows.columns()::indexOf).toArray();
        KeyPool pool = keyPool(c, d, qualified, key);
        return new TableWorkload(table, read, insert, updates, rows, pool, key, d.batches(), condition, keyInRow,
                firstRow(c, d, qualified, pool));
    }

    boolean supports(QueryKind kind) {
        return switch (kind) {
            case INSERT -> true;
            case READ -> readSql != null;
            case UPDATE -> !updateSql.isEmpty();
        };
    }

    long nextRowNumber() {
        return nextRow.getAndIncrement();
    }

    /** The key of a row about to be inserted, when the load chooses it (else null: the server does). */
    String[] keyOf(String[] values) {
        if (key == null || keyInRow.length == 0) {
            return null;
        }
        String[] k = new String[keyInRow.length];
        for (int i = 0; i < keyInRow.length; i++) {
            if (keyInRow[i] < 0) {
                return null;
            }
            k[i] = values[keyInRow[i]];
        }
        return k;
    }

    /** Binds a key at the key condition's placeholders, starting at {@code first}. */
    void bindKey(PreparedStatement ps, int first, String[] k) throws SQLException {
        List<Integer> order = keyCondition.keyIndexes();
        for (int p = 0; p < order.size(); p++) {
            int component = order.get(p);
            batches.bind(ps, first + p, key.columns().get(component), k[component]);
        }
    }

    private static KeyPool keyPool(Connection c, Dialect d, QualifiedName table, TableKey key) throws SQLException {
        String columns = key.columns().stream().map(x -> d.quote(x.name())).collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            if (KeyPool.isRange(key)) {
                try (ResultSet rs = s.executeQuery("SELECT min(" + columns + "), max(" + columns + ") FROM "
                        + table.render(d))) {
                    rs.next();
                    long min = rs.getLong(1);
                    return rs.wasNull() ? new KeyPool.Range(1, 0) : new KeyPool.Range(min, rs.getLong(2));
                }
            }
            List<String[]> sample = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT " + columns + " FROM " + table.render(d) + " LIMIT "
                    + KeyPool.SAMPLE)) {
                while (rs.next()) {
                    String[] k = new String[key.columns().size()];
                    for (int i = 0; i < k.length; i++) {
                        TableColumn col = key.columns().get(i);
                        k[i] = d.batches().read(rs, i + 1, col);
                    }
                    sample.add(k);
                }
            }
            return new KeyPool.Sample(sample);
        }
    }

    /**
     * Row numbers of inserted rows start well above those of rows already there, so values unique per row number
     * (keys, unique columns) do not collide with earlier fills.
     */
    private static long firstRow(Connection c, Dialect d, QualifiedName table, KeyPool pool) throws SQLException {
        long estimate = d.tables().estimateRows(c, table);
        long above = 2 * estimate + 1_000_000;
        if (pool instanceof KeyPool.Range r) {
            // Row numbers above the largest key keep whole-number keys made from them fresh.
            above = Math.max(above, r.max() + 1);
        }
        return above;
    }
}
