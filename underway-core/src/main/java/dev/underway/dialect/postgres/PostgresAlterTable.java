package dev.underway.dialect.postgres;

import dev.underway.dialect.ServerVersion;
import dev.underway.report.PgLock;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.ColumnDef;
import dev.underway.sql.shape.ConstraintDef;
import dev.underway.sql.shape.ConstraintDef.ConstraintType;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementShape;
import dev.underway.sql.shape.TableModel;
import dev.underway.sql.shape.TableName;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.underway.report.PgLock.ACCESS_EXCLUSIVE;
import static dev.underway.report.PgLock.ROW_SHARE;
import static dev.underway.report.PgLock.SHARE_ROW_EXCLUSIVE;
import static dev.underway.report.PgLock.SHARE_UPDATE_EXCLUSIVE;

/** ALTER TABLE on PostgreSQL: the lock is the strongest any sub-command needs (manual, ALTER TABLE). */
final class PostgresAlterTable {
    private final ServerVersion version;
    private final SchemaModel schema;
    private final StatementShape s;
    private final PgVerdict v;
    private final Optional<TableModel> table;

    PostgresAlterTable(ServerVersion version, SchemaModel schema, StatementShape s, PgVerdict v) {
        this.version = version;
        this.schema = schema;
        this.s = s;
        this.v = v;
        this.table = schema.table(s.table());
    }

    void judge() {
        for (AlterAction a : s.actions()) {
            action(a);
        }
    }

    private void action(AlterAction a) {
        switch (a.kind()) {
            case ADD_COLUMN -> addColumn(a.definition());
            case DROP_COLUMN -> v.target(ACCESS_EXCLUSIVE).breaks("clients still reading or writing column " + a.column()
                    + " fail, and its data is gone");
            case RENAME_COLUMN -> v.target(ACCESS_EXCLUSIVE).breaks("clients still using the old column name "
                    + a.column() + " fail");
            case RENAME_CONSTRAINT, SET_DEFAULT, DROP_DEFAULT, DROP_NOT_NULL, SET_STORAGE, ADD_IDENTITY, DROP_IDENTITY,
                 OWNER, REPLICA_IDENTITY, ROW_SECURITY, INHERIT, TABLE_OPTION -> v.target(ACCESS_EXCLUSIVE);
            case SET_SCHEMA -> v.target(ACCESS_EXCLUSIVE).breaks("clients using the old schema-qualified name fail");
            case ALTER_COLUMN_TYPE -> alterType(a);
            case SET_NOT_NULL -> setNotNull(a.column());
            case ALTER_COLUMN_OPTION -> {
                String t = a.text().toUpperCase(Locale.ROOT);
                boolean light = t.contains("STATISTICS") || t.contains("SET (") || t.contains("RESET");
                v.target(light ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE);
            }
            case ADD_CONSTRAINT -> addConstraint(a.constraint(), null);
            case VALIDATE_CONSTRAINT -> validate(a.name());
            case DROP_CONSTRAINT -> dropConstraint(a.name());
            case ENABLE_TRIGGER, DISABLE_TRIGGER -> v.target(SHARE_ROW_EXCLUSIVE);
            case ATTACH_PARTITION -> {
                v.target(version.isSameOrAfter(12, 0) ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE);
                v.relation(a.name(), ACCESS_EXCLUSIVE).scanNote("the partition is scanned to check its bound unless a "
                        + "validated CHECK constraint already implies it");
            }
            case DETACH_PARTITION -> {
                boolean concurrently = s.has(Modifier.CONCURRENTLY) && version.isSameOrAfter(14, 0);
                v.target(concurrently ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE);
                v.relation(a.name(), concurrently ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE);
                if (concurrently) {
                    // waits for every transaction using the parent, without blocking them
                    v.longRunning();
                }
            }
            case SET_TABLESPACE -> v.target(ACCESS_EXCLUSIVE).rewriteNote("the table's files are copied to the new tablespace");
            case SET_LOGGED, SET_UNLOGGED, REBUILD -> v.target(ACCESS_EXCLUSIVE).rewriteNote("the table is rewritten");
            case SET_STORAGE_PARAMETERS, CLUSTER_ON -> v.target(SHARE_UPDATE_EXCLUSIVE);
            default -> v.target(ACCESS_EXCLUSIVE).unknown("ALTER TABLE sub-command not understood: " + a.text());
        }
    }

    private void addColumn(ColumnDef d) {
        v.target(ACCESS_EXCLUSIVE);
        if (d.generated()) {
            v.rewriteNote("a STORED generated column is computed and written for every row");
        } else if (d.identity()) {
            v.rewriteNote("an IDENTITY column is filled from its sequence for every row");
        } else if (d.serial()) {
            v.rewriteNote("a serial column's nextval() default is volatile: every row is rewritten");
        } else if (d.hasDefault()) {
            String call = Volatility.volatileCall(d.defaultExpr());
            if (call != null) {
                v.rewriteNote("the default calls " + call + ", which is evaluated for every row: the table is rewritten");
            } else if (!version.isSameOrAfter(11, 0)) {
                v.rewriteNote("before PostgreSQL 11 any DEFAULT on ADD COLUMN rewrites the table");
            }
        }
        if (d.notNull() && !d.hasDefault() && !d.identity() && !d.serial() && !d.generated()) {
            v.scanNote("NOT NULL without a default: every row is checked, and the statement fails if the table has rows");
        }
        for (ConstraintDef k : d.constraints()) {
            if (k.type() == ConstraintType.FOREIGN_KEY && !d.hasDefault()) {
                // A new column without a default is NULL in every row: PostgreSQL does not validate the key.
                v.target(SHARE_ROW_EXCLUSIVE).other(k.references(), SHARE_ROW_EXCLUSIVE);
                continue;
            }
            addConstraint(k, d.name());
        }
    }

    private void addConstraint(ConstraintDef k, String newColumn) {
        switch (k.type()) {
            case CHECK -> {
                v.target(ACCESS_EXCLUSIVE);
                if (!k.notValid()) {
                    v.scanNote("every row is checked while ACCESS EXCLUSIVE is held");
                }
            }
            case FOREIGN_KEY -> {
                v.target(SHARE_ROW_EXCLUSIVE);
                v.other(k.references(), SHARE_ROW_EXCLUSIVE);
                if (!k.notValid()) {
                    v.scanNote("every row is checked against " + k.references() + " while writes to both tables wait");
                }
            }
            case UNIQUE, PRIMARY_KEY, EXCLUDE -> {
                v.target(ACCESS_EXCLUSIVE);
                if (k.usingIndex() == null) {
                    v.scanNote("the index is built while ACCESS EXCLUSIVE is held");
                }
                if (k.type() == ConstraintType.PRIMARY_KEY) {
                    List<String> cols = k.usingIndex() == null ? k.columns() : List.of();
                    cols = newColumn != null ? List.of() : cols;
                    for (String c : cols) {
                        if (needsNotNullScan(c)) {
                            v.scanNote("the primary key sets NOT NULL on " + c + ", which scans the table");
                        }
                    }
                }
            }
            default -> v.target(ACCESS_EXCLUSIVE);
        }
    }

    private void alterType(AlterAction a) {
        v.target(ACCESS_EXCLUSIVE);
        var old = table.flatMap(t -> t.column(a.column())).map(TableModel.ColumnModel::type).orElse(null);
        var now = a.definition().type();
        String why = PostgresTypeChange.whyRewrite(old, now, schema.setting("timezone").orElse(null));
        if (a.using() != null && why == null) {
            why = "USING " + a.using() + " converts every row: the table is rewritten";
        }
        if (why != null) {
            v.rewriteNote(why);
            return;
        }
        v.note(old + " → " + now + " is binary coercible: the table is not rewritten");
        TableModel t = table.orElseThrow();
        if (!old.name().equals(now.name()) && PostgresTypeChange.changesOperatorClass(old, now)) {
            for (String index : t.indexesOn(a.column())) {
                v.rewriteNote("index " + index + " is rebuilt, because " + old + " and " + now
                        + " have different operator classes");
            }
        }
        for (String index : t.expressionIndexesOn(a.column())) {
            v.rewriteNote("expression index " + index + " uses the column and is rebuilt");
        }
        for (TableModel.ConstraintModel c : t.constraints()) {
            if (c.validated() && c.definition().type() == ConstraintType.CHECK
                    && c.definition().expression().stream().anyMatch(tok -> tok.identifier().equals(a.column()))) {
                v.scanNote("CHECK constraint " + c.name() + " uses the column and is checked again by a scan");
            }
        }
    }

    private void setNotNull(String column) {
        v.target(ACCESS_EXCLUSIVE);
        if (needsNotNullScan(column)) {
            v.scanNote("every row is checked for NULL while ACCESS EXCLUSIVE is held"
                    + (version.isSameOrAfter(12, 0) ? " (a validated CHECK (" + column + " IS NOT NULL) would skip this)"
                    : ""));
        } else {
            v.note("a validated CHECK (" + column + " IS NOT NULL) exists: PostgreSQL 12+ skips the scan");
        }
    }

    private boolean needsNotNullScan(String column) {
        boolean alreadyNotNull = table.flatMap(t -> t.column(column)).map(TableModel.ColumnModel::notNull).orElse(false);
        boolean implied = version.isSameOrAfter(12, 0) && table.map(t -> t.hasValidatedNotNullCheck(column)).orElse(false);
        return !alreadyNotNull && !implied;
    }

    private void validate(String constraint) {
        v.target(SHARE_UPDATE_EXCLUSIVE).scanNote("every row is checked, but reads and writes go on").longRunning();
        table.flatMap(t -> t.constraint(constraint)).map(TableModel.ConstraintModel::definition)
                .map(ConstraintDef::references).ifPresent(r -> v.other(r, ROW_SHARE));
    }

    private void dropConstraint(String constraint) {
        v.target(ACCESS_EXCLUSIVE);
        TableName references = table.flatMap(t -> t.constraint(constraint)).map(TableModel.ConstraintModel::definition)
                .map(ConstraintDef::references).orElse(null);
        if (references != null) {
            v.other(references, ACCESS_EXCLUSIVE);
        }
    }
}
