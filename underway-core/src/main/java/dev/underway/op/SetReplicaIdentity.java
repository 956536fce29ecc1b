package dev.underway.op;

import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * pgroll's {@code set_replica_identity: {table, identity: {type, index}}}: what logical replication
 * logs of an updated or deleted row. Neither application version sees it, so it is set at start (a
 * catalog change: a brief ACCESS EXCLUSIVE lock, no rewrite), as pgroll does; rollback restores the
 * identity the table had when the migration started.
 */
final class SetReplicaIdentity implements Operation<TableDraft> {
    private static final Set<String> TYPES = Set.of("full", "default", "nothing", "index");
    private final int line;
    private final String table;
    private final String type;
    private final String index;

    private SetReplicaIdentity(int line, String table, String type, String index) {
        this.line = line;
        this.table = table;
        this.type = type;
        this.index = index;
    }

    static SetReplicaIdentity read(Fields f) {
        String table = f.string("table");
        Fields identity = f.object("identity");
        String type = identity.string("type").toLowerCase(Locale.ROOT);
        String index = identity.optString("index");
        identity.done();
        f.done();
        if (!TYPES.contains(type)) {
            throw identity.error("type", "type must be full, default, nothing or index, got '" + type + "'");
        }
        if (type.equals("index") != (index != null && !index.isBlank())) {
            throw identity.error(index == null ? "type" : "index", "'index' names the unique index to use, and goes"
                    + " with type: index only");
        }
        return new SetReplicaIdentity(f.line(), table, type, index);
    }

    @Override
    public String kind() {
        return "set_replica_identity";
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public TableDraft validate(Expansion x) {
        TableDraft t = x.table(table, line, kind());
        if (index != null && t.before != null) {
            SchemaSnapshot.Index i = t.before.indexes().get(index);
            if (i == null || !i.unique()) {
                throw x.error(line, kind() + ": " + (i == null ? "table " + table + " has no index named " + index
                        : "index " + index + " of " + table + " is not unique") + "; a replica identity index is a unique"
                        + " index on NOT NULL columns (its indexes: " + String.join(", ", t.before.indexes().keySet()) + ")");
            }
        }
        return t;
    }

    private String clause() {
        return index != null ? PostgresExpandDdl.replicaIdentityIndex(index) : type.toUpperCase(Locale.ROOT);
    }

    @Override
    public List<Action> start(Expansion x, TableDraft t) {
        return List.of(Action.of(Phase.START, Stage.CONSTRAINTS, "replica identity of " + t.name + ": " + clause()
                + " (catalog only)", PostgresExpandDdl.replicaIdentity(x.qualified(t.physical), clause())));
    }

    @Override
    public List<Action> rollback(Expansion x, TableDraft t) {
        if (t.created) {
            return List.of();
        }
        String before = t.before.replicaIdentity() == null ? "DEFAULT" : t.before.replicaIdentity();
        return List.of(Action.of(Phase.ROLLBACK, Stage.UNDO, "restore the replica identity of " + t.name + " (" + before
                + ")", PostgresExpandDdl.replicaIdentity(x.qualified(t.physical), before)));
    }
}
