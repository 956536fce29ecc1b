package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDefinitions;
import dev.underway.dialect.postgres.PostgresExpandDdl;
import dev.underway.migration.Action;
import dev.underway.migration.Phase;
import dev.underway.migration.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code create_index}: built concurrently at start (writes go on); rollback drops it concurrently.
 * Its columns take every shape pgroll accepts ({@link IndexColumn}).
 */
final class CreateIndex implements Operation<CreateIndex.Resolved> {
    private static final Set<String> METHODS = Set.of("btree", "hash", "gist", "spgist", "gin", "brin");
    private final int line;
    private final String name;
    private final String table;
    private final List<IndexColumn> columns;
    private final String predicate;
    private final String method;
    private final boolean unique;
    private final String storage;

    private CreateIndex(int line, String name, String table, List<IndexColumn> columns, String predicate, String method,
                        boolean unique, String storage) {
        this.line = line;
        this.name = name;
        this.table = table;
        this.columns = columns;
        this.predicate = predicate;
        this.method = method;
        this.unique = unique;
        this.storage = storage;
    }

    static CreateIndex read(Fields f) {
        String name = f.string("name");
        String table = f.string("table");
        List<IndexColumn> columns = IndexColumn.readAll(f, "columns");
        String predicate = f.optString("predicate");
        String method = f.optString("method");
        boolean unique = Boolean.TRUE.equals(f.optBool("unique"));
        String storage = f.optString("storage_parameters");
        f.done();
        if (method != null && !METHODS.contains(method.toLowerCase(Locale.ROOT))) {
            throw f.error("method", "method must be one of " + String.join(", ", METHODS.stream().sorted().toList())
                    + ", got '" + method + "'");
        }
        return new CreateIndex(f.line(), name, table, columns, predicate, method, unique, storage);
    }

    @Override
    public String kind() {
        return "create_index";
    }

    @Override
    public int line() {
        return line;
    }

    /** The table and the physical names of the index's columns, in order. */
    record Resolved(TableDraft t, List<String> physical) {
    }

    @Override
    public Resolved validate(Expansion x) {
        TableDraft t = x.table(table, line, kind());
        for (SchemaSnapshot.Table other : x.before.tables().values()) {
            if (other.indexes().containsKey(name)) {
                throw x.error(line, "create_index: an index named " + name + " already exists on " + other.name());
            }
        }
        List<String> physical = new ArrayList<>();
        for (IndexColumn c : columns) {
            physical.add(x.column(t, c.name(), c.line(), kind(), false).physical);
        }
        return new Resolved(t, List.copyOf(physical));
    }

    @Override
    public List<Action> start(Expansion x, Resolved r) {
        TableDraft t = r.t();
        List<String> physical = r.physical();
        Map<String, String> renames = new HashMap<>();
        t.columns.forEach(c -> renames.put(c.name, c.physical));
        List<String> elements = IntStream.range(0, columns.size()).mapToObj(i -> columns.get(i).element(physical.get(i)))
                .toList();
        String sql = PostgresExpandDdl.createIndexConcurrently(unique, name, x.qualified(t.physical),
                PostgresDefinitions.indexBody(method == null ? null : method.toLowerCase(Locale.ROOT), elements, storage,
                        predicate == null ? null : Expressions.renameColumns(predicate, renames, x.syntax())));
        return List.of(Action.concurrently(Phase.START, Stage.INDEXES, "build index " + name + " on " + t.name
                + " concurrently", sql));
    }

    @Override
    public List<Action> rollback(Expansion x, Resolved r) {
        return List.of(Action.concurrently(Phase.ROLLBACK, Stage.PREPARE_UNDO, "drop index " + name + " concurrently",
                PostgresExpandDdl.dropIndexConcurrently(x.qualified(name))));
    }
}
