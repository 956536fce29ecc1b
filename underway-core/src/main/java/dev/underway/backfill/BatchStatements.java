package dev.underway.backfill;

import dev.underway.dialect.BatchSql;
import dev.underway.dialect.Dialect;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.TableColumn;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one backfill, rendered for each relation it walks (the table, or each leaf
 * partition). A batch finds its upper key with a keyset query, then changes the rows in
 * {@code (lower, upper]}:
 * <pre>
 * SELECT k FROM t WHERE k > :lower ORDER BY k LIMIT 1 OFFSET :size-1
 * UPDATE t SET ... WHERE k > :lower AND k <= :upper AND (predicate)
 * </pre>
 * The SET expressions are evaluated by the UPDATE itself, on each row's current values.
 */
public final class BatchStatements {
    private final Dialect dialect;
    private final BatchSql sql;
    private final List<TableColumn> key;
    private final String keyList;
    private final String setClause;
    private final String predicate;
    private final String differs;
    private final BatchSql.Condition after;
    private final BatchSql.Condition atMost;

    /**
     * @param differs a condition true for rows whose columns differ from their expressions, or null
     *                when the change cannot be compared (touch)
     */
    BatchStatements(Dialect dialect, List<TableColumn> key, String setClause, String predicate, String differs) {
        this.dialect = dialect;
        this.sql = dialect.batches();
        this.key = key;
        this.keyList = key.stream().map(k -> dialect.quote(k.name())).collect(Collectors.joining(", "));
        this.setClause = setClause;
        this.predicate = predicate;
        this.differs = differs;
        this.after = sql.keyAfter(key);
        this.atMost = sql.keyAtMost(key);
    }

    Dialect dialect() {
        return dialect;
    }

    public boolean comparable() {
        return differs != null;
    }

    /** The key {@code size} rows after {@code lower} (or from the start), i.e. the batch's upper bound. */
    public String boundary(QualifiedName target, boolean hasLower) {
        return "SELECT " + keyList + " FROM " + target.render(dialect) + (hasLower ? " WHERE " + after.sql() : "")
                + " ORDER BY " + keyList + " LIMIT 1 OFFSET ?";
    }

    /** The last key after {@code lower}: the upper bound of the final, shorter batch. */
    public String lastKey(QualifiedName target, boolean hasLower) {
        String desc = key.stream().map(k -> dialect.quote(k.name()) + " DESC").collect(Collectors.joining(", "));
        return "SELECT " + keyList + " FROM " + target.render(dialect) + (hasLower ? " WHERE " + after.sql() : "")
                + " ORDER BY " + desc + " LIMIT 1";
    }

    /**
     * A catch-up batch's read: in one scan of the next {@code size} rows, their last key, how many
     * they are and how many of them differ from their expressions. Most catch-up batches find
     * none and then write nothing and lock no row.
     */
    public String catchUpScan(QualifiedName target, boolean hasLower) {
        String differing = "CASE WHEN " + (predicate == null ? "" : "(" + predicate + ") AND ") + differs
                + " THEN 1 ELSE 0 END";
        String desc = key.stream().map(k -> dialect.quote(k.name()) + " DESC").collect(Collectors.joining(", "));
        return "WITH r AS (SELECT " + keyList + ", " + differing + " AS differing FROM " + target.render(dialect)
                + (hasLower ? " WHERE " + after.sql() : "") + " ORDER BY " + keyList + " LIMIT ?) SELECT " + keyList
                + ", (SELECT count(*) FROM r), (SELECT sum(differing) FROM r) FROM r ORDER BY " + desc + " LIMIT 1";
    }

    /** The keys of the rows on a page range that differ from their expressions (engines with page ranges only). */
    public String differingOnPages(QualifiedName target) {
        return "SELECT " + keyList + " FROM " + target.render(dialect) + " WHERE "
                + sql.pageRanges().orElseThrow().condition() + filters(true);
    }

    /** Changes the listed rows if they still differ from their expressions. */
    public String updateKeys(QualifiedName target, int count) {
        return "UPDATE " + target.render(dialect) + " SET " + setClause + " WHERE " + sql.keyIn(key, count).sql()
                + filters(true);
    }

    /** Binds the keys of {@link #updateKeys}; returns the next free index. */
    int bindKeys(PreparedStatement ps, int index, List<List<String>> keys) throws SQLException {
        for (List<String> k : keys) {
            for (int i = 0; i < key.size(); i++) {
                sql.bind(ps, index++, key.get(i), k.get(i));
            }
        }
        return index;
    }

    /** The batch itself; in a catch-up pass it changes only rows that differ from their expressions. */
    public String update(QualifiedName target, boolean hasLower, boolean catchUp) {
        return "UPDATE " + target.render(dialect) + " SET " + setClause + " WHERE "
                + (hasLower ? after.sql() + " AND " : "") + atMost.sql() + filters(catchUp);
    }

    /** Counts rows in a key range that differ from their expressions (for the determinism check). */
    public String countDiffering(QualifiedName target, boolean hasLower) {
        return "SELECT count(*) FROM " + target.render(dialect) + " WHERE " + (hasLower ? after.sql() + " AND " : "")
                + atMost.sql() + filters(true);
    }

    /** Plans the change without touching a row, so bad columns or expressions fail before anything is written. */
    public String validation(QualifiedName target) {
        return "EXPLAIN UPDATE " + target.render(dialect) + " SET " + setClause + " WHERE 1 = 0" + filters(differs != null);
    }

    private String filters(boolean catchUp) {
        return (predicate == null ? "" : " AND (" + predicate + ")") + (catchUp && differs != null ? " AND " + differs : "");
    }

    /** Binds a lower ({@code after}) bound from {@code index}; returns the next free index. */
    int bindAfter(PreparedStatement ps, int index, List<String> values) throws SQLException {
        return bind(ps, index, after, values);
    }

    int bindAtMost(PreparedStatement ps, int index, List<String> values) throws SQLException {
        return bind(ps, index, atMost, values);
    }

    private int bind(PreparedStatement ps, int index, BatchSql.Condition condition, List<String> values) throws SQLException {
        for (int k : condition.keyIndexes()) {
            sql.bind(ps, index++, key.get(k), values.get(k));
        }
        return index;
    }

    int keySize() {
        return key.size();
    }

    /** Reads a key from the current row of a {@link #boundary}, {@link #lastKey} or {@link #catchUpScan} result. */
    List<String> readKey(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            values.add(sql.read(rs, i + 1, key.get(i)));
        }
        return values;
    }
}
