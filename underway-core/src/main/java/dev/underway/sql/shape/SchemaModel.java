package dev.underway.sql.shape;

import dev.underway.sql.shape.ConstraintDef.ConstraintType;
import dev.underway.sql.shape.TableModel.ColumnModel;
import dev.underway.sql.shape.TableModel.ConstraintModel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small model of the schema, built by replaying the shapes of earlier statements in
 * order: which tables exist, their column types, validated constraints and keys, which
 * tables the current migration created, and the session settings it made. It is what makes
 * the lint context-aware; it never talks to a database. Tables are keyed by unqualified name.
 */
public final class SchemaModel {
    private final Map<String, TableModel> tables = new HashMap<>();
    private final Map<String, String> indexToTable = new HashMap<>();
    private final Set<String> createdInMigration = new HashSet<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Set<String> constraintsAddedInMigration = new HashSet<>();

    /** A new migration starts: its session settings and "created here" tables start empty. */
    public void startMigration() {
        createdInMigration.clear();
        settings.clear();
        constraintsAddedInMigration.clear();
    }

    /** The current migration creates this table in a way no statement shows (a declarative create_table). */
    public void createdWithoutSql(TableName name) {
        createdInMigration.add(name.key());
    }

    public Optional<TableModel> table(TableName name) {
        return name == null ? Optional.empty() : Optional.ofNullable(tables.get(name.key()));
    }

    /** True when the current migration created the table: nobody else can be using it yet. */
    public boolean createdInMigration(TableName name) {
        return name != null && createdInMigration.contains(name.key());
    }

    /** True when the current migration added this constraint (e.g. NOT VALID, to be validated later). */
    public boolean constraintAddedInMigration(TableName table, String constraint) {
        return table != null && constraintsAddedInMigration.contains(table.key() + "." + constraint);
    }

    /** The table an index belongs to, when the model saw the index created. */
    public Optional<TableName> tableOfIndex(String index) {
        return Optional.ofNullable(indexToTable.get(index)).map(TableName::of);
    }

    /**
     * The name PostgreSQL gives an unnamed CREATE INDEX here: {@code table_columns_idx}, numbered when a relation of
     * that name is known ({@code users_score_idx1}); empty when the index is named or its name cannot be derived.
     * Relations the model never saw (sequences, views, other schemas' tables) are not known to collide.
     */
    public Optional<String> defaultIndexName(StatementShape s) {
        String columns = s.option(StatementShape.INDEX_NAME_COLUMNS);
        if (!s.is(StatementKind.CREATE_INDEX) || !s.names().isEmpty() || s.table() == null || columns == null) {
            return Optional.empty();
        }
        return Optional.of(PostgresNames.relationName(PostgresNames.identifier(s.table().name()), columns, "idx",
                name -> tables.containsKey(name.toLowerCase(java.util.Locale.ROOT)) || indexToTable.containsKey(name)));
    }

    /** A session setting made earlier in this migration ({@code SET lock_timeout = '2s'}), lower-case name. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** The tables with a column of this type (a domain or enum), by its unqualified name, in name order. */
    public List<TableName> tablesUsingType(String type) {
        String name = type.toLowerCase(java.util.Locale.ROOT);
        return tables.values().stream().filter(t -> t.columns().values().stream()
                        .anyMatch(c -> c.type() != null && c.type().name().equals(name)))
                .map(t -> TableName.of(t.name())).sorted(java.util.Comparator.comparing(TableName::name)).toList();
    }

    public Optional<ColumnModel> column(TableName table, String column) {
        return table(table).flatMap(t -> t.column(column));
    }

    /** Replays one statement's effect on the schema. */
    public void apply(StatementShape s) {
        switch (s.kind()) {
            case CREATE_TABLE, CREATE_TABLE_AS -> create(s);
            case ALTER_TABLE, RENAME_TABLE -> s.actions().forEach(a -> alter(s.table(), a));
            case DROP_TABLE -> {
                drop(s.table());
                s.names().forEach(n -> drop(TableName.of(n)));
            }
            case CREATE_INDEX -> {
                String index = s.names().isEmpty() ? defaultIndexName(s).orElse(null) : s.names().get(0);
                if (index != null && s.table() != null) {
                    indexToTable.put(index, s.table().key());
                    table(s.table()).ifPresent(t -> t.putIndex(index, s.columns()));
                }
                if (s.has(Modifier.UNIQUE)) {
                    table(s.table()).ifPresent(t -> t.addUniqueKey(s.columns()));
                }
            }
            case DROP_INDEX -> s.names().forEach(index -> {
                tableOfIndex(index).flatMap(this::table).ifPresent(t -> t.removeIndex(index));
                indexToTable.remove(index);
            });
            case SET -> {
                if (!s.names().isEmpty() && s.option("VALUE") != null) {
                    settings.put(s.names().get(0), s.option("VALUE"));
                }
            }
            default -> { }
        }
    }

    private void create(StatementShape s) {
        if (s.table() == null) {
            return;
        }
        TableModel t = new TableModel(s.table().name(), s.option("CHARSET"));
        tables.put(s.table().key(), t);
        createdInMigration.add(s.table().key());
        s.actions().forEach(a -> alter(s.table(), a));
    }

    private void drop(TableName name) {
        if (name != null) {
            tables.remove(name.key());
            indexToTable.values().removeIf(v -> v.equals(name.key()));
        }
    }

    private void alter(TableName name, AlterAction a) {
        TableModel t = table(name).orElse(null);
        if (t == null) {
            return;
        }
        switch (a.kind()) {
            case ADD_COLUMN -> {
                ColumnDef d = a.definition();
                t.putColumn(new ColumnModel(d.name(), d.type(), d.notNull() || d.isPrimaryKey()));
                d.constraints().forEach(k -> addConstraint(t, k, d.name()));
            }
            case DROP_COLUMN -> t.removeColumn(a.column());
            case RENAME_COLUMN -> t.renameColumn(a.column(), a.newName());
            case ALTER_COLUMN_TYPE -> alterType(t, a);
            case SET_NOT_NULL, DROP_NOT_NULL -> t.column(a.column()).ifPresent(c ->
                    t.putColumn(new ColumnModel(c.name(), c.type(), a.is(ActionKind.SET_NOT_NULL))));
            case ADD_CONSTRAINT, ADD_INDEX -> addConstraint(t, a.constraint(), null);
            case VALIDATE_CONSTRAINT -> t.constraint(a.name()).ifPresent(c ->
                    t.putConstraint(new ConstraintModel(c.name(), c.definition(), true)));
            case DROP_CONSTRAINT -> t.removeConstraint(a.name());
            case DROP_INDEX -> indexToTable.remove(a.name());
            case CONVERT_CHARSET -> t.convertCharset(a.name());
            case RENAME_TABLE -> {
                if (a.newName() != null) {
                    tables.remove(name.key());
                    TableName renamed = TableName.of(a.newName());
                    tables.put(renamed.key(), t.copyAs(a.newName()));
                    if (createdInMigration.remove(name.key())) {
                        createdInMigration.add(renamed.key());
                    }
                }
            }
            default -> { }
        }
    }

    private static void alterType(TableModel t, AlterAction a) {
        ColumnDef d = a.definition();
        ColumnModel old = t.column(a.column()).orElse(null);
        t.removeColumn(a.column());
        String name = a.newName() != null ? a.newName() : a.column();
        t.putColumn(new ColumnModel(name, d.type(), d.notNull() || d.isPrimaryKey() || keepsNotNull(a, old)));
    }

    /** PostgreSQL ALTER COLUMN TYPE keeps NOT NULL; MySQL MODIFY/CHANGE restates the whole definition. */
    private static boolean keepsNotNull(AlterAction a, ColumnModel old) {
        boolean postgresTypeOnly = a.text().toUpperCase(java.util.Locale.ROOT).contains("TYPE");
        return postgresTypeOnly && old != null && old.notNull();
    }

    private void addConstraint(TableModel t, ConstraintDef k, String column) {
        if (k == null) {
            return;
        }
        List<String> cols = k.columns().isEmpty() && column != null ? List.of(column) : k.columns();
        String name = k.name() != null ? k.name() : defaultName(t.name(), k, cols);
        t.putConstraint(new ConstraintModel(name, k, !k.notValid()));
        constraintsAddedInMigration.add(t.name().toLowerCase(java.util.Locale.ROOT) + "." + name);
        if (k.type() == ConstraintType.PRIMARY_KEY || k.type() == ConstraintType.UNIQUE) {
            t.addUniqueKey(cols);
        }
        if (k.type() == ConstraintType.PRIMARY_KEY) {
            cols.forEach(c -> t.column(c).ifPresent(col -> t.putColumn(new ColumnModel(c, col.type(), true))));
        }
        if (k.usingIndex() != null) {
            String index = k.usingIndex();
            indexToTable.remove(index);
            indexToTable.put(name, t.name().toLowerCase(java.util.Locale.ROOT));
            List<String> indexColumns = t.indexColumns(index);
            t.removeIndex(index);
            t.putIndex(name, indexColumns);
        } else if (k.type() != ConstraintType.CHECK && k.type() != ConstraintType.FOREIGN_KEY) {
            indexToTable.put(name, t.name().toLowerCase(java.util.Locale.ROOT));
            t.putIndex(name, cols);
        }
    }

    /**
     * PostgreSQL's default constraint names: {@code t_pkey}, {@code t_a_key}, {@code t_a_fkey}, {@code t_a_check}
     * (within 63 bytes, as the server shortens them).
     */
    public static String defaultName(String table, ConstraintDef k, List<String> cols) {
        String columns = cols.isEmpty() ? null : PostgresNames.columnsPart(cols);
        String label = switch (k.type()) {
            case PRIMARY_KEY -> "pkey";
            case UNIQUE, INDEX, FULLTEXT_INDEX, SPATIAL_INDEX -> "key";
            case FOREIGN_KEY -> "fkey";
            case EXCLUDE -> "excl";
            case CHECK -> "check";
        };
        return PostgresNames.objectName(PostgresNames.identifier(table), k.type() == ConstraintType.PRIMARY_KEY ? null
                : columns, label);
    }
}
