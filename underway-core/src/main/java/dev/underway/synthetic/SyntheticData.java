package dev.underway.synthetic;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.ColumnProfile;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Redaction;
import dev.underway.migration.QualifiedName;
import dev.underway.report.FilledTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fills tables with synthetic rows, referenced tables before those that reference them, each in one
 * transaction (a fill the server refuses leaves nothing behind), then refreshes planner statistics.
 */
public final class SyntheticData {
    private static final long SEED = 20_26_12_02L;

    private SyntheticData() {
    }

    /**
     * @param rows       rows to add per table
     * @param parentRows rows for an empty table that a NOT NULL foreign key of a filled table references, when
     *                   {@code rows} does not name it
     */
    public static List<FilledTable> fill(Connection c, Dialect dialect, Map<QualifiedName, Long> rows, long parentRows)
            throws SQLException {
        Map<QualifiedName, Long> plan = new LinkedHashMap<>(rows);
        Set<QualifiedName> parents = new LinkedHashSet<>();
        Map<QualifiedName, Set<QualifiedName>> dependsOn = new LinkedHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            QualifiedName t = new ArrayList<>(plan.keySet()).get(i);
            Set<QualifiedName> deps = new LinkedHashSet<>();
            for (ColumnProfile p : dialect.dataFill().profile(c, t)) {
                if (p.references() == null || p.references().equals(t)) {
                    continue;
                }
                deps.add(p.references());
                if (!plan.containsKey(p.references()) && !p.nullable() && isEmpty(c, dialect, p.references())) {
                    plan.put(p.references(), parentRows);
                    parents.add(p.references());
                }
            }
            dependsOn.put(t, deps);
        }
        List<FilledTable> out = new ArrayList<>();
        for (QualifiedName t : order(plan.keySet(), dependsOn)) {
            out.add(fillOne(c, dialect, t, plan.get(t), parents.contains(t)));
        }
        return out;
    }

    /** Parents first; a cycle keeps the given order for what is left. */
    private static List<QualifiedName> order(Set<QualifiedName> tables, Map<QualifiedName, Set<QualifiedName>> dependsOn) {
        List<QualifiedName> out = new ArrayList<>();
        Set<QualifiedName> left = new LinkedHashSet<>(tables);
        while (!left.isEmpty()) {
            QualifiedName next = left.stream().filter(t -> dependsOn.getOrDefault(t, Set.of()).stream()
                    .noneMatch(left::contains)).findFirst().orElse(left.iterator().next());
            out.add(next);
            left.remove(next);
        }
        return out;
    }

    private static FilledTable fillOne(Connection c, Dialect dialect, QualifiedName table, long rows, boolean parent)
            throws SQLException {
        long start = System.nanoTime();
        RowGenerator g = RowGenerator.forTable(c, dialect, table);
        if (g.columns().isEmpty()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "cannot fill " + table + " with synthetic rows: the server fills all its"
                    + " columns itself; fill it yourself or pass " + noRows(table.name()));
        }
        long first = firstRowNumber(c, dialect, table);
        SplittableRandom random = new SplittableRandom(SEED ^ table.toString().hashCode());
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            dialect.dataFill().insert(c, table, g.profiles(), i -> g.values(first + i, random), rows);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            if (e instanceof UnderwayException u) {
                throw u;
            }
            String message = Redaction.text(e.getMessage() == null ? e.toString() : e.getMessage().strip(), List.of());
            throw UnderwayException.of(Reason.REFUSED_OPERATION, "filling " + table + " with synthetic rows failed, nothing was added to it: "
                    + message + (e instanceof SQLException s && s.getSQLState() != null ? " [SQLSTATE " + s.getSQLState()
                    + "]" : "") + "; synthetic rows cannot satisfy every constraint: fill the table yourself, or pass"
                    + " " + noRows(table.name()));
        } finally {
            c.setAutoCommit(autoCommit);
        }
        dialect.dataFill().analyze(c, table);
        return new FilledTable(table, rows, (System.nanoTime() - start) / 1_000_000, parent);
    }

    /** Row numbers continue after the rows already there, so values unique per row number do not collide. */
    private static long firstRowNumber(Connection c, Dialect dialect, QualifiedName table) throws SQLException {
        long first = count(c, "SELECT count(*) FROM " + table.render(dialect)) + 1;
        for (ColumnProfile p : dialect.dataFill().profile(c, table)) {
            if (p.unique() && p.kind() == ColumnProfile.Kind.INTEGER) {
                first = Math.max(first, count(c, "SELECT coalesce(max(" + dialect.quote(p.name()) + "), 0) FROM "
                        + table.render(dialect)) + 1);
            }
        }
        return first;
    }

    private static boolean isEmpty(Connection c, Dialect dialect, QualifiedName table) throws SQLException {
        return count(c, "SELECT count(*) FROM (SELECT 1 FROM " + table.render(dialect) + " LIMIT 1) x") == 0;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The remedy "pass --rows t=0", for the reader. */
    static String noRows(String table) {
        return Setting.either("--rows " + table + "=0", "rows(\"" + table + "\", 0)");
    }
}
