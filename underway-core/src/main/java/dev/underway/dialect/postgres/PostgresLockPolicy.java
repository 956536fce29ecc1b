package dev.underway.dialect.postgres;

import dev.underway.dialect.LockPolicy;
import dev.underway.dialect.ServerVersion;
import dev.underway.migration.Verdict;
import dev.underway.report.PgLock;
import dev.underway.sql.shape.ActionKind;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementShape;
import dev.underway.sql.shape.TableName;

import java.util.List;

import static dev.underway.report.PgLock.ACCESS_EXCLUSIVE;
import static dev.underway.report.PgLock.ACCESS_SHARE;
import static dev.underway.report.PgLock.EXCLUSIVE;
import static dev.underway.report.PgLock.ROW_EXCLUSIVE;
import static dev.underway.report.PgLock.SHARE;
import static dev.underway.report.PgLock.SHARE_ROW_EXCLUSIVE;
import static dev.underway.report.PgLock.SHARE_UPDATE_EXCLUSIVE;

/**
 * PostgreSQL's lock levels per statement (manual: "Explicit Locking", ALTER TABLE, CREATE
 * INDEX, REINDEX, ...; the summary is in {@code shared/reference/locks-postgres.md}). ALTER
 * TABLE sub-commands are judged by {@link PostgresAlterTable}.
 */
public final class PostgresLockPolicy implements LockPolicy {
    private final ServerVersion version;

    public PostgresLockPolicy(ServerVersion version) {
        this.version = version;
    }

    @Override
    public boolean isStrong(String relationLock) {
        return PgLock.fromLabel(relationLock).isStrong();
    }

    @Override
    public Verdict verdict(StatementShape s, SchemaModel schema) {
        PgVerdict v = new PgVerdict(s.table());
        switch (s.kind()) {
            case CREATE_TABLE, CREATE_TABLE_AS -> createTable(s, v);
            case ALTER_TABLE -> new PostgresAlterTable(version, schema, s, v).judge();
            case RENAME_TABLE -> v.target(ACCESS_EXCLUSIVE).breaks("clients still using the old table name fail");
            case DROP_TABLE -> dropTable(s, schema, v);
            case TRUNCATE -> v.target(ACCESS_EXCLUSIVE).rewriteNote("TRUNCATE gives the table a new, empty file");
            case CREATE_INDEX -> createIndex(s, v);
            case DROP_INDEX -> dropIndex(s, schema, v);
            case ALTER_INDEX -> s.names().forEach(n -> v.relation(n, SHARE_UPDATE_EXCLUSIVE).primary(SHARE_UPDATE_EXCLUSIVE));
            case REINDEX -> reindex(s, schema, v);
            case VACUUM -> {
                if (s.has(Modifier.FULL)) {
                    v.target(ACCESS_EXCLUSIVE).rewriteNote("VACUUM FULL writes a new copy of the table and its indexes");
                } else {
                    v.target(SHARE_UPDATE_EXCLUSIVE).longRunning();
                }
            }
            case CLUSTER -> v.target(ACCESS_EXCLUSIVE).rewriteNote("CLUSTER writes a new copy of the table in index order");
            case ANALYZE -> v.target(SHARE_UPDATE_EXCLUSIVE).longRunning();
            case CREATE_TRIGGER -> v.target(SHARE_ROW_EXCLUSIVE);
            case DROP_TRIGGER -> v.target(ACCESS_EXCLUSIVE);
            case REFRESH_MATERIALIZED_VIEW -> {
                v.target(s.has(Modifier.CONCURRENTLY) ? EXCLUSIVE : ACCESS_EXCLUSIVE)
                        .scanNote("the view's query runs in full").rewriteNote("the view's rows are written to a new file");
                if (s.has(Modifier.CONCURRENTLY)) {
                    // EXCLUSIVE lets the view's readers go on, and a materialized view takes no writes.
                    v.takesNoWrites().longRunning();
                }
            }
            case LOCK_TABLE -> v.target(PgLock.fromLabel(s.option("MODE")));
            case CATALOG_ONLY -> catalog(s, schema, v);
            case INSERT -> v.target(ROW_EXCLUSIVE);
            case UPDATE, DELETE -> {
                v.target(ROW_EXCLUSIVE);
                if (!s.has(Modifier.WHERE)) {
                    v.scanNote("no WHERE: every row is read and changed");
                }
            }
            case SELECT -> v.target(ACCESS_SHARE);
            case ALTER_TYPE -> {
                if (s.option("RENAME_VALUE") == null) {
                    return Verdict.noLock();
                }
                v.none().breaks("clients still writing or comparing the old value of " + s.names().get(0) + " fail");
            }
            case ALTER_DOMAIN -> alterDomain(s, schema, v);
            case SET, TRANSACTION_CONTROL -> {
                return Verdict.noLock();
            }
            case PROCEDURAL -> {
                return Verdict.unknown("what a DO block or CALL changes cannot be read from its text");
            }
            default -> {
                return Verdict.unknown("the statement was not understood");
            }
        }
        return v.build();
    }

    /** A new table is invisible to others; it locks only the tables it refers to. */
    private static void createTable(StatementShape s, PgVerdict v) {
        v.none();
        if (s.is(dev.underway.sql.shape.StatementKind.CREATE_TABLE_AS)) {
            v.scanNote("the query reads its source tables (without blocking them)");
        }
        for (TableName r : s.references()) {
            if (r.toString().equals(s.option("PARTITION_OF"))) {
                v.other(r, ACCESS_EXCLUSIVE);
            } else if (r.toString().equals(s.option("LIKE"))) {
                v.other(r, ACCESS_SHARE);
            } else {
                v.other(r, SHARE_ROW_EXCLUSIVE);
            }
        }
    }

    private static void dropTable(StatementShape s, SchemaModel schema, PgVerdict v) {
        v.target(ACCESS_EXCLUSIVE).breaks("clients still using the table fail, and its data is gone");
        schema.table(s.table()).ifPresent(t -> t.constraints().forEach(c -> {
            if (c.definition().references() != null) {
                v.other(c.definition().references(), ACCESS_EXCLUSIVE);
            }
        }));
    }

    private static void createIndex(StatementShape s, PgVerdict v) {
        if (s.has(Modifier.CONCURRENTLY)) {
            v.target(SHARE_UPDATE_EXCLUSIVE).scanNote("the index is built from two scans of the table while writes go on")
                    .longRunning();
        } else {
            v.target(SHARE).scanNote("the index is built from a scan of the table; writes wait until it is done");
        }
    }

    private static void dropIndex(StatementShape s, SchemaModel schema, PgVerdict v) {
        PgLock mode = s.has(Modifier.CONCURRENTLY) ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
        for (String index : s.names()) {
            schema.tableOfIndex(index).ifPresentOrElse(t -> v.other(t, mode), () -> v.relation("table of " + index, mode));
            v.primary(mode);
        }
        if (s.has(Modifier.CONCURRENTLY)) {
            // waits for every transaction that might use the index, without blocking them
            v.longRunning();
        }
    }

    private static void reindex(StatementShape s, SchemaModel schema, PgVerdict v) {
        boolean concurrently = s.has(Modifier.CONCURRENTLY);
        PgLock mode = concurrently ? SHARE_UPDATE_EXCLUSIVE : SHARE;
        if (s.table() != null) {
            v.target(mode);
        } else {
            s.names().forEach(index -> schema.tableOfIndex(index).ifPresent(t -> v.other(t, mode)));
            v.primary(mode);
        }
        v.rewriteNote("the index is rebuilt into a new file" + (concurrently ? " while writes go on" : ""));
        if (concurrently) {
            v.longRunning();
        }
    }

    /**
     * Adding a constraint (without NOT VALID), validating it or SET NOT NULL checks every value of the domain: each
     * table with a column of it is scanned under SHARE (writes wait; VALIDATE too, on 17 and before).
     */
    private static void alterDomain(StatementShape s, SchemaModel schema, PgVerdict v) {
        String domain = s.names().get(0);
        boolean checks = s.actions().stream().anyMatch(a -> a.is(ActionKind.VALIDATE_CONSTRAINT) || a.is(ActionKind.SET_NOT_NULL)
                || a.is(ActionKind.ADD_CONSTRAINT) && (a.constraint() == null || !a.constraint().notValid()));
        if (!checks) {
            v.none();
            return;
        }
        List<TableName> users = schema.tablesUsingType(domain);
        if (users.isEmpty()) {
            v.relation("every table with a column of domain " + domain, SHARE);
        }
        users.forEach(t -> v.other(t, SHARE));
        v.primary(SHARE).scanNote("every row of every table with a column of domain " + domain
                + (users.isEmpty() ? "" : " (" + String.join(", ", users.stream().map(TableName::toString).toList()) + ")")
                + " is checked while writes to it wait");
    }

    private static void catalog(StatementShape s, SchemaModel schema, PgVerdict v) {
        if ("DATABASE".equals(s.option("DROP"))) {
            v.none().breaks("every client of database " + String.join("", s.names()) + " loses it, and its data is gone");
        } else if ("SCHEMA".equals(s.option("RENAME"))) {
            v.none().breaks("clients naming schema " + String.join("", s.names()) + " (in queries or their search_path)"
                    + " fail");
        } else if (s.option("VIEW") != null) {
            // Replacing, altering or dropping a view takes ACCESS EXCLUSIVE on it: its readers wait.
            boolean newView = s.table() == null || ("REPLACE".equals(s.option("VIEW")) && schema.createdInMigration(s.table()));
            if (newView) {
                v.none();
            } else {
                v.target(ACCESS_EXCLUSIVE);
            }
        } else if (s.table() == null) {
            v.none();
        } else if (s.names().contains("COMMENT")) {
            v.target(SHARE_UPDATE_EXCLUSIVE);
        } else {
            v.target(ACCESS_EXCLUSIVE);
        }
    }
}
