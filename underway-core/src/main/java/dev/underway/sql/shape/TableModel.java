package dev.underway.sql.shape;

import java.util.ArrayList;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the earlier statements say about one table: its columns, constraints and keys. */
public final class TableModel {
    private static final Set<String> CHARACTER_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "enum", "set");
    private final String name;
    private final Map<String, ColumnModel> columns = new LinkedHashMap<>();
    private final Map<String, ConstraintModel> constraints = new LinkedHashMap<>();
    private final List<List<String>> uniqueKeys = new ArrayList<>();
    private final Map<String, List<String>> indexes = new LinkedHashMap<>();
    private String charset;

    TableModel(String name, String charset) {
        this.name = name;
        this.charset = charset;
    }

    /** A column as far as the model knows it. */
    public record ColumnModel(String name, SqlType type, boolean notNull) {
    }

    /** A constraint with whether it has been validated (PostgreSQL NOT VALID constraints are not). */
    public record ConstraintModel(String name, ConstraintDef definition, boolean validated) {
    }

    public String name() {
        return name;
    }

    /** The table's MySQL default character set, or null when not written. */
    public String charset() {
        return charset;
    }

    public Optional<ColumnModel> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    public Map<String, ColumnModel> columns() {
        return columns;
    }

    public Optional<ConstraintModel> constraint(String constraintName) {
        return Optional.ofNullable(constraints.get(constraintName));
    }

    public Iterable<ConstraintModel> constraints() {
        return constraints.values();
    }

    /** True when a validated {@code CHECK (column IS NOT NULL)} exists (PostgreSQL 12+ then skips the NOT NULL scan). */
    public boolean hasValidatedNotNullCheck(String column) {
        return constraints.values().stream().anyMatch(c -> c.validated() && c.definition().isNotNullCheck(column));
    }

    /** Columns of the primary key and of unique constraints/indexes. */
    public boolean isKeyColumn(String column) {
        return uniqueKeys.stream().anyMatch(k -> !k.isEmpty() && k.get(0).equals(column));
    }

    /** Names of the indexes (including those of keys) whose key columns include {@code column}. */
    public List<String> indexesOn(String column) {
        return indexes.entrySet().stream().filter(e -> e.getValue().contains(column)).map(Map.Entry::getKey).toList();
    }

    /** Names of the indexes that use {@code column} inside an expression (or a mixed key). */
    public List<String> expressionIndexesOn(String column) {
        return indexes.entrySet().stream().filter(e -> e.getValue().contains("expr:" + column))
                .map(Map.Entry::getKey).toList();
    }

    public List<String> indexColumns(String index) {
        return indexes.getOrDefault(index, List.of());
    }

    void putIndex(String index, List<String> columns) {
        indexes.put(index, List.copyOf(columns));
    }

    void removeIndex(String index) {
        indexes.remove(index);
    }

    void putColumn(ColumnModel c) {
        columns.put(c.name(), c);
    }

    void removeColumn(String column) {
        columns.remove(column);
    }

    void renameColumn(String from, String to) {
        ColumnModel c = columns.remove(from);
        if (c != null) {
            columns.put(to, new ColumnModel(to, c.type(), c.notNull()));
        }
    }

    /**
     * MySQL {@code CONVERT TO CHARACTER SET}: the table's default and every character column take {@code charset}
     * (null: a character set the model does not know, judged as the server default).
     */
    void convertCharset(String newCharset) {
        charset = newCharset;
        columns.replaceAll((n, c) -> c.type() != null && CHARACTER_TYPES.contains(c.type().name())
                ? new ColumnModel(n, new SqlType(c.type().name(), c.type().args(), c.type().array(), newCharset,
                c.type().text()), c.notNull()) : c);
    }

    void putConstraint(ConstraintModel c) {
        constraints.put(c.name(), c);
    }

    void removeConstraint(String constraintName) {
        constraints.remove(constraintName);
    }

    void addUniqueKey(List<String> key) {
        uniqueKeys.add(List.copyOf(key));
    }

    TableModel copyAs(String newName) {
        TableModel t = new TableModel(newName, charset);
        t.columns.putAll(columns);
        t.constraints.putAll(constraints);
        t.uniqueKeys.addAll(uniqueKeys);
        t.indexes.putAll(indexes);
        return t;
    }
}
