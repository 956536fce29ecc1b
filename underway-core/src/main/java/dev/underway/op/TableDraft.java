package dev.underway.op;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One table as the new version will see it, built up by the operations of a migration: its
 * name in the new version, its visible columns and the physical column behind each, the
 * values to keep in sync between old and new columns, and whether existing rows need a backfill.
 * Complete derives the contract from it (drop replaced columns, rename physical to visible names).
 */
final class TableDraft {
    /**
     * A column of the new version: its visible name and the physical column that holds it now;
     * {@code newType} is the type of a column start adds (null for columns that exist before start).
     */
    static final class Column {
        String name;
        final String physical;
        final String newType;

        Column(String name, String physical) {
            this(name, physical, null);
        }

        Column(String name, String physical, String newType) {
            this.name = name;
            this.physical = physical;
            this.newType = newType;
        }
    }

    /**
     * Keeps {@code newColumn} computed from the old version's writes ({@code up}) and
     * {@code oldColumn} from the new version's writes ({@code down}); either may be null.
     *
     * @param refresh which writes of the old version recompute {@code up}
     * @param line    the line of the operation that asked for it
     */
    record Sync(String oldColumn, String newColumn, String up, String down, Refresh refresh, int line) {
    }

    /** Which writes of the old version (or of sessions on no version, such as the backfill) recompute {@code up}. */
    enum Refresh {
        /** Every write: a copy, whose old column the new version keeps current through {@code down}. */
        ALWAYS,
        /**
         * Only while the new column is empty: a column added with a default and no {@code up}, so the backfill
         * fills existing rows and never overwrites what the new version wrote.
         */
        WHEN_EMPTY,
        /**
         * A column added with {@code up}: on every insert, on every update that changes a column {@code up} reads
         * (so the new version never reads a value computed from the old row), and while it is empty (the
         * backfill). A write that changes none of them keeps the value, which may be the new version's own.
         */
        WHEN_INPUTS_CHANGE
    }

    final String physical;
    final SchemaSnapshot.Table before;
    final boolean created;
    String name;
    boolean dropped;
    boolean backfill;
    final List<Column> columns = new ArrayList<>();
    final List<Sync> syncs = new ArrayList<>();
    /** Defaults of copies, checked by the database before anything is created. */
    final List<SyncTrigger.ExpressionCheck> defaultChecks = new ArrayList<>();
    /** Physical columns that an operation of this migration already changes. */
    final Set<String> changedColumns = new LinkedHashSet<>();

    TableDraft(String physical, SchemaSnapshot.Table before, boolean created) {
        this.physical = physical;
        this.before = before;
        this.created = created;
        this.name = physical;
        if (before != null) {
            before.columns().stream().filter(c -> !Names.hidden(c.name()))
                    .forEach(c -> columns.add(new Column(c.name(), c.name())));
        }
    }

    Optional<Column> column(String visibleName) {
        return columns.stream().filter(c -> c.name.equals(visibleName)).findFirst();
    }

    /** The old version's visible columns (physical = visible). */
    List<String> oldColumns() {
        return before == null ? List.of() : before.columns().stream().map(SchemaSnapshot.Column::name)
                .filter(c -> !Names.hidden(c)).toList();
    }

    /** Physical columns that exist before start and are gone after complete. */
    List<String> replacedColumns() {
        Set<String> kept = new LinkedHashSet<>();
        columns.forEach(c -> kept.add(c.physical));
        return oldColumns().stream().filter(c -> !kept.contains(c)).toList();
    }

    /** Columns start adds (copies and new columns), which rollback drops. */
    List<String> addedColumns() {
        Set<String> old = new LinkedHashSet<>(oldColumns());
        return columns.stream().map(c -> c.physical).filter(p -> !old.contains(p)).toList();
    }

    boolean changed() {
        return created || dropped || !name.equals(physical) || !syncs.isEmpty() || !replacedColumns().isEmpty()
                || columns.stream().anyMatch(c -> !c.name.equals(c.physical));
    }
}
