package dev.underway.op;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables of the target schema as they were when a migration started. Stored with the
 * in-flight migration, so that resuming its start, completing it or rolling it back plans the
 * same actions from the same facts, whatever happened to the catalog since.
 */
public record SchemaSnapshot(String schema, Map<String, Table> tables) {
    public SchemaSnapshot {
        tables = new TreeMap<>(tables);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /**
     * @param primaryKey   key columns in key order; empty without a primary key
     * @param constraints  constraints by name
     * @param indexes      indexes by name (including those behind constraints)
     * @param replicaIdentity what follows {@code REPLICA IDENTITY}: {@code DEFAULT}, {@code FULL}, {@code NOTHING} or
     *                     {@code USING INDEX "name"}; null (snapshots recorded before it was read) means DEFAULT
     */
    public record Table(String name, List<Column> columns, List<String> primaryKey, Map<String, Constraint> constraints,
                        Map<String, Index> indexes, String replicaIdentity) {
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            constraints = new TreeMap<>(constraints);
            indexes = new TreeMap<>(indexes);
        }

        public Optional<Column> column(String column) {
            return columns.stream().filter(c -> c.name().equals(column)).findFirst();
        }
    }

    /**
     * @param type       the type as {@code format_type} spells it
     * @param defaultSql the default expression, or null
     * @param generated  an identity or generated column, which writes cannot always set
     */
    public record Column(String name, String type, boolean notNull, String defaultSql, String comment,
                         boolean generated) {
    }

    /**
     * @param type              {@code p}, {@code u}, {@code c}, {@code f}, {@code x} as in {@code pg_constraint.contype}
     * @param referencedTable   the table a foreign key points to (in this schema), or null
     * @param referencedColumns the columns it points to
     * @param definition        {@code pg_get_constraintdef}: {@code CHECK ((total > 0))}
     */
    public record Constraint(String name, String type, List<String> columns, String referencedTable,
                             List<String> referencedColumns, String definition) {
        public Constraint {
            columns = List.copyOf(columns);
            referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
        }
    }

    /**
     * @param columns    the key columns in key order, then the columns its expressions and predicate use
     * @param definition {@code pg_get_indexdef}: {@code CREATE INDEX i ON public.t USING btree (c)}
     */
    public record Index(String name, List<String> columns, boolean unique, boolean primary, String definition) {
        public Index {
            columns = List.copyOf(columns);
        }
    }
}
