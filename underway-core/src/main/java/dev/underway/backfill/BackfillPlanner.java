package dev.underway.backfill;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.TableInfo;
import dev.underway.exec.MigrationExecutor;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.RowChange;
import dev.underway.migration.TableColumn;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request against the database and turns it into a {@link CheckedBackfill}. Everything
 * it refuses (unknown table or column, no usable key, a key or generated column in SET, an
 * expression or predicate the server rejects) is refused before any row is written.
 */
public final class BackfillPlanner {
    /** Rows counted exactly for the estimate (a bounded count reads at most these; on a laptop ~0.1 s). */
    static final long COUNT_UP_TO = 1_000_000;

    private final Dialect dialect;
    private final String defaultSchema;

    public BackfillPlanner(Dialect dialect, String defaultSchema) {
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
    }

    public CheckedBackfill plan(Connection c, BackfillRequest r) throws SQLException {
        TableInfo table = table(c, r);
        QualifiedName name = table.name();
        if (table.key() == null) {
            throw UnderwayException.of(Reason.NO_USABLE_KEY, "table " + name + " has no primary key and no unique index on NOT NULL columns;"
                    + " a backfill walks the table in key order and needs one. Add a primary key (or a unique index on"
                    + " NOT NULL columns) first").table(name.toString());
        }
        if (r.predicate() != null) {
            SqlFragment.check(r.predicate(), Setting.BACKFILL_WHERE.ref(), dialect.syntax(), Set.of());
        }
        List<RowChange.Assignment> assignments = assignments(table, r);
        String setClause = assignments.stream().map(a -> dialect.quote(a.column()) + " = " + a.expression())
                .collect(Collectors.joining(", "));
        String differs = r.change() instanceof RowChange.Touch ? null : "NOT (" + assignments.stream()
                .map(a -> dialect.batches().sameValue(dialect.quote(a.column()), a.expression()))
                .collect(Collectors.joining(" AND ")) + ")";
        BatchStatements statements = new BatchStatements(dialect, table.key().columns(), setClause, r.predicate(), differs);
        // Walked in name order: a checkpoint naming a partition then says which partitions are done.
        List<QualifiedName> targets = table.partitions().isEmpty() ? List.of(name)
                : table.partitions().stream().sorted(java.util.Comparator.comparing(QualifiedName::toString)).toList();
        validate(c, statements, targets.get(0), name);
        long estimate = rows(c, targets);
        String change = r.change() instanceof RowChange.Touch ? "touch" : setClause;
        return new CheckedBackfill(r.name() != null ? r.name() : name.toString(), name, table.key(), change, r.predicate(),
                targets, statements, r.catchUp() && differs != null, estimate, r);
    }

    /**
     * The rows to walk: counted up to {@link #COUNT_UP_TO} (statistics go stale: a table whose rows were all updated
     * once has twice the pages, and the planner's estimate scales with pages), estimated beyond.
     */
    private long rows(Connection c, List<QualifiedName> targets) throws SQLException {
        long counted = 0;
        for (int i = 0; i < targets.size(); i++) {
            long left = COUNT_UP_TO - counted;
            long n;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM "
                    + targets.get(i).render(dialect) + " LIMIT " + left + ") bounded")) {
                rs.next();
                n = rs.getLong(1);
            }
            if (n == left) {
                long estimate = Math.max(n, dialect.tables().estimateRows(c, targets.get(i)));
                for (QualifiedName rest : targets.subList(i + 1, targets.size())) {
                    estimate += dialect.tables().estimateRows(c, rest);
                }
                return counted + estimate;
            }
            counted += n;
        }
        return counted;
    }

    /** The table a request names, as the catalog has it; a usage error when there is none. */
    TableInfo table(Connection c, BackfillRequest r) throws SQLException {
        String schema = r.schema();
        String table = r.table();
        if (schema == null && table.contains(".")) {
            schema = table.substring(0, table.indexOf('.'));
            table = table.substring(table.indexOf('.') + 1);
        }
        QualifiedName name = new QualifiedName(schema == null ? defaultSchema : schema, table);
        Optional<TableInfo> info = dialect.tables().table(c, name);
        if (info.isEmpty() && !table.equals(table.toLowerCase(Locale.ROOT))) {
            // Unquoted names fold to lower case on PostgreSQL; users often type them as the application spells them.
            info = dialect.tables().table(c, new QualifiedName(name.schema(), table.toLowerCase(Locale.ROOT)));
        }
        return info.orElseThrow(() -> UnderwayException.of(Reason.NO_SUCH_OBJECT, "table " + name + " does not exist on "
                + dialect.describe() + "; check " + Setting.either("--table and --schema", "the request's table and schema"))
                .table(name.toString()));
    }

    private List<RowChange.Assignment> assignments(TableInfo table, BackfillRequest r) {
        RowChange change = r.change() != null ? r.change() : Assignments.parse(r.setText(), dialect.syntax());
        if (change instanceof RowChange.Touch) {
            TableColumn column = touchColumn(table);
            return List.of(new RowChange.Assignment(column.name(), dialect.quote(column.name())));
        }
        List<RowChange.Assignment> out = new ArrayList<>();
        for (RowChange.Assignment a : ((RowChange.Assign) change).assignments()) {
            // Assignments given through the API are placed into the batch statements just the same.
            SqlFragment.check(a.expression(), Setting.BACKFILL_SET.ref(), dialect.syntax(), SqlFragment.CLAUSES);
            TableColumn column = column(table, a.column());
            if (table.isKeyColumn(column.name())) {
                throw UnderwayException.of(Reason.BAD_OPTION, "column " + column.name() + " is part of the " + table.key().source()
                        + " of " + table.name() + ", which the backfill walks; it cannot change it").table(table.name().toString());
            }
            if (!column.writable()) {
                throw UnderwayException.of(Reason.BAD_OPTION, "column " + column.name() + " of " + table.name()
                        + " is generated by the database; it cannot be set").table(table.name().toString());
            }
            out.add(new RowChange.Assignment(column.name(), a.expression()));
        }
        return out;
    }

    private static TableColumn column(TableInfo table, String name) {
        return table.column(name)
                .or(() -> table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst())
                .orElseThrow(() -> UnderwayException.of(Reason.NO_SUCH_OBJECT, "column " + name + " does not exist in table " + table.name()
                        + " (its columns: " + table.columns().stream().map(TableColumn::name)
                        .collect(Collectors.joining(", ")) + ")").table(table.name().toString()));
    }

    /** A column the touch can set to itself: never a generated one, preferably not a key column. */
    private static TableColumn touchColumn(TableInfo table) {
        return table.columns().stream().filter(c -> c.writable() && !table.isKeyColumn(c.name())).findFirst()
                .or(() -> table.columns().stream().filter(TableColumn::writable).findFirst())
                .orElseThrow(() -> UnderwayException.of(Reason.UNSUPPORTED, "table " + table.name()
                        + " has no column an UPDATE may set, so its rows cannot be touched").table(table.name().toString()));
    }

    private void validate(Connection c, BatchStatements statements, QualifiedName target, QualifiedName table) {
        try (Statement s = c.createStatement()) {
            s.execute(statements.validation(target));
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.BAD_OPTION, "the backfill of " + table + " was refused by " + dialect.describe()
                    + " before any row was changed: " + MigrationExecutor.describe(e) + "; check " + Setting.BACKFILL_SET.ref() + " and "
                    + Setting.BACKFILL_WHERE.ref()).table(String.valueOf(table));
        }
    }
}
