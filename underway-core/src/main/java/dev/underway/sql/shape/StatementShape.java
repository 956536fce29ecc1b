package dev.underway.sql.shape;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a statement is, read from its tokens: the facts the lock verdict and the lint rules
 * work from. The classifier never guesses: what it does not understand is {@link StatementKind#UNKNOWN}
 * (or an {@link ActionKind#UNKNOWN} action) and is reported as such.
 *
 * @param table      the table it acts on (for DROP INDEX on PostgreSQL: null, the index is in {@code names})
 * @param names      other objects it names: index names, further tables of DROP/TRUNCATE, the SET variable
 * @param columns    the columns of CREATE INDEX (a column used inside an expression as {@code expr:name}),
 *                   the columns used in a DELETE/UPDATE's WHERE
 * @param actions    ALTER TABLE sub-commands; CREATE TABLE columns and constraints as ADD actions
 * @param options    MySQL {@code ALGORITHM} / {@code LOCK}, {@code SET}'s value, LOCK TABLE's mode, the column part
 *                   of the name PostgreSQL gives an unnamed index ({@link #INDEX_NAME_COLUMNS}) (upper-case keys)
 * @param references other tables it locks: FOREIGN KEY targets, partitions, {@code PARTITION OF} parents
 */
public record StatementShape(StatementKind kind, TableName table, List<String> names, List<String> columns,
                             List<AlterAction> actions, Set<Modifier> modifiers, Map<String, String> options,
                             List<TableName> references) {

    /**
     * Option of an unnamed PostgreSQL CREATE INDEX: the part of the name the server derives from its columns
     * ({@code score} in {@code users_score_idx}); absent when it cannot be derived for sure.
     */
    public static final String INDEX_NAME_COLUMNS = "INDEX_NAME_COLUMNS";

    public StatementShape {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        actions = List.copyOf(actions);
        modifiers = Set.copyOf(modifiers);
        options = Map.copyOf(options);
        references = List.copyOf(references);
    }

    public static StatementShape of(StatementKind kind) {
        return new StatementShape(kind, null, List.of(), List.of(), List.of(), Set.of(), Map.of(), List.of());
    }

    public boolean has(Modifier m) {
        return modifiers.contains(m);
    }

    public boolean is(StatementKind k) {
        return kind == k;
    }

    /** An option such as {@code ALGORITHM}, upper case, or null. */
    public String option(String key) {
        return options.get(key);
    }

    public boolean hasAction(ActionKind k) {
        return actions.stream().anyMatch(a -> a.kind() == k);
    }

    /** A short description for messages: {@code ALTER TABLE users (ADD_COLUMN, SET_NOT_NULL)}. */
    public String describe() {
        String t = table == null ? "" : " " + table;
        return kind + t + (actions.isEmpty() ? "" : " " + actions.stream().map(a -> a.kind().name()).toList());
    }
}
