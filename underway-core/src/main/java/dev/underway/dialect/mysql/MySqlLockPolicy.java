package dev.underway.dialect.mysql;

import dev.underway.dialect.LockPolicy;
import dev.underway.dialect.mysql.OnlineDdl.Algorithm;
import dev.underway.dialect.mysql.OnlineDdl.Lock;
import dev.underway.migration.Verdict;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.AlterAction;
import dev.underway.sql.shape.ConstraintDef;
import dev.underway.sql.shape.ConstraintDef.ConstraintType;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementKind;
import dev.underway.sql.shape.StatementShape;
import dev.underway.sql.shape.TableModel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MySQL/MariaDB: every DDL statement takes an exclusive metadata lock briefly at its start
 * and end; what matters in between is the ALTER algorithm and its LOCK level. Non-ALTER DDL
 * (DROP, RENAME, TRUNCATE) holds the exclusive metadata lock for its whole (short) run.
 */
public final class MySqlLockPolicy implements LockPolicy {
    private static final String METADATA_LOCK = "metadata lock (exclusive)";

    private final MySqlFeatures features;
    private final MySqlColumnChange columnChange;

    MySqlLockPolicy(MySqlFeatures features) {
        this.features = features;
        this.columnChange = new MySqlColumnChange(features);
    }

    @Override
    public Verdict verdict(StatementShape s, SchemaModel schema) {
        Verdict.Builder b = new Verdict.Builder();
        switch (s.kind()) {
            case ALTER_TABLE, CREATE_INDEX, DROP_INDEX, RENAME_TABLE -> {
                return alter(s, schema);
            }
            case DROP_TABLE -> b.lock(METADATA_LOCK, true, true, true).breaksClients("clients still using the table "
                    + "fail, and its data is gone");
            case TRUNCATE -> b.lock(METADATA_LOCK, true, true, true).rewrite("TRUNCATE drops and recreates the table");
            case CREATE_TRIGGER, DROP_TRIGGER -> b.lock(METADATA_LOCK, true, true, true);
            case LOCK_TABLE -> b.lock("LOCK TABLES " + s.option("MODE"), "WRITE".equals(s.option("MODE")), true, true);
            case INSERT -> b.lock("row locks", false, false, false);
            case UPDATE, DELETE -> {
                b.lock("row locks", false, false, false);
                if (!s.has(Modifier.WHERE)) {
                    b.scan("no WHERE: every row is read, changed and locked");
                }
            }
            case CATALOG_ONLY -> {
                if (s.option("VIEW") == null || s.table() == null) {
                    return Verdict.noLock();
                }
                // Replacing, altering or dropping a view takes an exclusive metadata lock on it.
                b.lock(METADATA_LOCK, true, true, true);
            }
            case CREATE_TABLE, CREATE_TABLE_AS, SET, SELECT, TRANSACTION_CONTROL, ANALYZE -> {
                return Verdict.noLock();
            }
            case PROCEDURAL -> {
                return Verdict.unknown("what a CALL changes cannot be read from its text");
            }
            default -> {
                return Verdict.unknown("the statement was not understood");
            }
        }
        return b.build();
    }

    private Verdict alter(StatementShape s, SchemaModel schema) {
        Verdict.Builder b = new Verdict.Builder();
        Optional<TableModel> table = schema.table(s.table());
        OnlineDdl ddl = null;
        List<AlterAction> actions = switch (s.kind()) {
            case CREATE_INDEX -> List.of(indexAction(s));
            // DROP INDEX `PRIMARY` ON t drops the primary key.
            case DROP_INDEX -> List.of(s.names().stream().anyMatch("PRIMARY"::equalsIgnoreCase)
                    ? AlterAction.of(ActionKind.DROP_PRIMARY_KEY, "DROP INDEX `PRIMARY`")
                    : AlterAction.of(ActionKind.DROP_INDEX, "DROP INDEX"));
            default -> s.actions();
        };
        for (AlterAction a : actions) {
            OnlineDdl op = action(a, s, table, schema, b);
            b.note(op.note());
            ddl = ddl == null ? op : ddl.combine(op);
        }
        if (ddl == null) {
            ddl = OnlineDdl.instant(null);
        }
        ddl = explicit(s, ddl, b);
        if (ddl.rebuild()) {
            b.rewrite("the table is rebuilt (" + ddl.algorithm() + ")");
        }
        if (ddl.algorithm() == Algorithm.COPY || s.kind() == StatementKind.CREATE_INDEX
                || s.actions().stream().anyMatch(a -> a.is(ActionKind.ADD_INDEX))) {
            b.scan(null);
        }
        boolean reads = ddl.lock() == Lock.EXCLUSIVE;
        boolean writes = ddl.lock() != Lock.NONE;
        b.lock(ddl.label(), reads, writes, true).algorithm(ddl.algorithm().name());
        if (ddl.algorithm() == Algorithm.INPLACE && !writes && (ddl.rebuild() || b.build().scan())) {
            b.longRunningNonBlocking();
        }
        boolean clauseFits = s.kind() != StatementKind.DROP_INDEX || features.dropIndexTakesOnlineClause();
        if (!clauseFits && (s.option("ALGORITHM") != null || s.option("LOCK") != null)) {
            b.note("the server refuses ALGORITHM= or LOCK= on DROP INDEX ... ON (a syntax error); write ALTER TABLE "
                    + s.table() + " DROP INDEX " + String.join(", DROP INDEX ", s.names()) + ", ALGORITHM=..., LOCK=...");
        }
        if (clauseFits && s.option("ALGORITHM") == null && s.option("LOCK") == null && !s.has(Modifier.ONLINE)) {
            if (ddl.algorithm() == Algorithm.INSTANT) {
                b.online("ALGORITHM=INSTANT");
            } else if (ddl.algorithm() == Algorithm.INPLACE && ddl.lock() == Lock.NONE) {
                b.online("ALGORITHM=INPLACE, LOCK=NONE");
            }
        }
        return b.build();
    }

    private static AlterAction indexAction(StatementShape s) {
        String type = s.option("INDEX_TYPE");
        ConstraintType t = "FULLTEXT".equals(type) ? ConstraintType.FULLTEXT_INDEX
                : "SPATIAL".equals(type) ? ConstraintType.SPATIAL_INDEX
                : s.has(Modifier.UNIQUE) ? ConstraintType.UNIQUE : ConstraintType.INDEX;
        ConstraintDef index = new ConstraintDef(t, null, s.columns(), null, List.of(), List.of(), false, null);
        return new AlterAction(ActionKind.ADD_INDEX, null, null, null, null, index, "CREATE INDEX");
    }

    private OnlineDdl action(AlterAction a, StatementShape s, Optional<TableModel> table, SchemaModel schema,
                             Verdict.Builder b) {
        return switch (a.kind()) {
            case ADD_COLUMN -> addColumn(a, s, table, schema, b);
            case DROP_COLUMN -> {
                b.breaksClients("clients still reading or writing column " + a.column() + " fail, and its data is gone");
                yield features.dropColumn();
            }
            case RENAME_COLUMN -> {
                b.breaksClients("clients still using the old column name " + a.column() + " fail");
                yield features.renameColumn();
            }
            case ALTER_COLUMN_TYPE -> {
                if (a.newName() != null) {
                    b.breaksClients("clients still using the old column name " + a.column() + " fail");
                }
                yield columnChange.judge(table.flatMap(t -> t.column(a.column())).orElse(null), a.definition(),
                        table.map(TableModel::charset).orElse(null));
            }
            case SET_DEFAULT, DROP_DEFAULT, ALTER_COLUMN_OPTION, INDEX_VISIBILITY ->
                    OnlineDdl.instant("only metadata changes");
            case ADD_INDEX, ADD_CONSTRAINT -> constraint(a.constraint(), s, schema);
            case DROP_INDEX, RENAME_INDEX -> OnlineDdl.inplace(false, "only metadata changes");
            case DROP_CONSTRAINT -> features.dropForeignKey();
            case DROP_PRIMARY_KEY -> s.actions().stream().anyMatch(x -> x.constraint() != null
                    && x.constraint().type() == ConstraintType.PRIMARY_KEY)
                    ? OnlineDdl.inplace(true, "replacing the primary key rebuilds the table in place")
                    : OnlineDdl.copy("dropping the primary key without adding another copies the table");
            case CONVERT_CHARSET -> OnlineDdl.copy("CONVERT TO CHARACTER SET re-encodes every row: the table is copied");
            case TABLE_OPTION -> a.text().toUpperCase(Locale.ROOT).contains("CHARSET")
                    || a.text().toUpperCase(Locale.ROOT).contains("CHARACTER")
                    ? features.tableCharset() : OnlineDdl.inplace(false, "only metadata changes");
            case REBUILD -> OnlineDdl.inplace(true, "the table is rebuilt in place");
            case ORDER_BY -> OnlineDdl.copy("ORDER BY copies the table");
            case RENAME_TABLE -> {
                b.breaksClients("clients still using the old table name fail");
                yield OnlineDdl.instant("RENAME changes only metadata");
            }
            default -> {
                b.unknown("ALTER TABLE sub-command not understood: " + a.text());
                yield OnlineDdl.copy(null);
            }
        };
    }

    private OnlineDdl addColumn(AlterAction a, StatementShape s, Optional<TableModel> table, SchemaModel schema,
                                Verdict.Builder b) {
        var d = a.definition();
        OnlineDdl op;
        if (d.generated()) {
            op = OnlineDdl.copy("a STORED generated column is computed for every row: the table is copied");
        } else if (d.identity()) {
            op = OnlineDdl.inplaceShared(true, "an AUTO_INCREMENT column is filled for every row: writes wait");
        } else {
            op = features.addColumn(d.position() != null);
            // A default evaluated per row turns the whole ADD COLUMN into a copy, whatever the position.
            op = features.addColumnDefault(new DefaultExpression(d.defaultExpr())).orElse(op);
        }
        for (ConstraintDef k : d.constraints()) {
            op = op.combine(constraint(k, s, schema));
        }
        return op;
    }

    private OnlineDdl constraint(ConstraintDef k, StatementShape s, SchemaModel schema) {
        return switch (k.type()) {
            case INDEX, UNIQUE -> OnlineDdl.inplace(false, "a secondary index is built in place while writes go on");
            case FULLTEXT_INDEX -> OnlineDdl.inplaceShared(false, "a FULLTEXT index is built in place; writes wait");
            case SPATIAL_INDEX -> OnlineDdl.inplaceShared(false, "a SPATIAL index is built in place; writes wait");
            case PRIMARY_KEY -> OnlineDdl.inplace(true, "adding a primary key rebuilds the table in place");
            case FOREIGN_KEY -> "0".equals(schema.setting("foreign_key_checks").orElse(null))
                    || "off".equalsIgnoreCase(schema.setting("foreign_key_checks").orElse(""))
                    ? OnlineDdl.inplace(false, "with foreign_key_checks=0 the foreign key is added in place, unchecked")
                    : OnlineDdl.copy("with foreign_key_checks=1 a foreign key is added by copying the table");
            case CHECK -> features.addCheck();
            default -> OnlineDdl.copy("this constraint copies the table");
        };
    }

    /** ALGORITHM= and LOCK= written in the statement override what the server would choose. */
    private static OnlineDdl explicit(StatementShape s, OnlineDdl ddl, Verdict.Builder b) {
        String algorithm = s.option("ALGORITHM");
        String lock = s.option("LOCK");
        OnlineDdl result = ddl;
        if ("COPY".equals(algorithm)) {
            result = new OnlineDdl(Algorithm.COPY, Lock.SHARED, true, "ALGORITHM=COPY copies the table");
        } else if (algorithm != null && !algorithm.equals("DEFAULT")) {
            Algorithm asked = algorithm.equals("INSTANT") ? Algorithm.INSTANT : Algorithm.INPLACE;
            if (asked.compareTo(ddl.algorithm()) < 0) {
                b.note("the server refuses ALGORITHM=" + algorithm + " for this operation (it needs " + ddl.algorithm() + ")");
            }
        }
        if (lock != null && !lock.equals("DEFAULT")) {
            Lock asked = Lock.valueOf(lock);
            if (asked.compareTo(result.lock()) > 0) {
                result = new OnlineDdl(result.algorithm(), asked, result.rebuild(), "LOCK=" + lock + " is stronger than needed");
            } else if (asked.compareTo(result.lock()) < 0) {
                b.note("the server refuses LOCK=" + lock + " for this operation (it needs LOCK=" + result.lock() + ")");
            }
        }
        return result;
    }
}
