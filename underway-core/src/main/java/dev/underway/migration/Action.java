package dev.underway.migration;


import java.util.List;

/**
 * One step of a phase, as data: what it does, the SQL (run in one transaction, or alone when
 * {@code concurrent}), each statement planned as a SQL migration's are (the lock it takes, its timeouts), and
 * where it runs in the phase. Printed by {@code --dry-run}, asserted on by tests, executed by the expand/contract executor.
 *
 * @param sql          the statements as the operation wrote them; several run in one transaction
 * @param statements   the same statements planned, in the same order (filled in by {@link MigrationPlan}): what
 *                     dry runs print and the executor runs
 * @param concurrent   a single statement that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY})
 * @param backfill     the table whose rows are touched in batches so the sync trigger fills the new columns; then {@code sql} is empty
 * @param violation    for validations: how to name the rows that fail it; null otherwise
 * @param stepwise     each statement in a transaction of its own, the last one committed with the progress (a
 *                     NOT VALID check, then its validation, which must not scan under the first one's lock)
 * @param onFailure    a check's undo: statements (each safe to repeat, each run alone) that remove what the action
 *                     added when it fails, so that a failed check leaves the migration as it found it
 */
public record Action(Phase phase, Stage stage, String description, List<String> sql, List<ExecutableStatement> statements,
                     boolean concurrent, String backfill, Violation violation, boolean stepwise, List<String> onFailure) {
    public Action {
        sql = List.copyOf(sql);
        statements = List.copyOf(statements);
        onFailure = List.copyOf(onFailure);
    }

    public Action(Phase phase, Stage stage, String description, List<String> sql, List<ExecutableStatement> statements,
                  boolean concurrent, String backfill, Violation violation) {
        this(phase, stage, description, sql, statements, concurrent, backfill, violation, false, List.of());
    }

    /** The table lock each statement takes, in order. */
    public List<String> locks() {
        return statements.stream().map(ExecutableStatement::lock).toList();
    }

    /**
     * A check that adds something (a NOT VALID constraint) and then validates it, each in its own transaction;
     * when it fails, {@code onFailure} removes what it added. Resuming runs it from its first statement again, so
     * the first must be safe to repeat.
     */
    public static Action check(Phase phase, Stage stage, String description, List<String> sql, Violation violation,
                        List<String> onFailure) {
        return new Action(phase, stage, description, sql, List.of(), false, null, violation, true, onFailure);
    }

    /** A check (see {@link #check}): it changes nothing when it fails. */
    public boolean isCheck() {
        return !onFailure.isEmpty();
    }

    public static Action of(Phase phase, Stage stage, String description, String... sql) {
        return new Action(phase, stage, description, List.of(sql), List.of(), false, null, null);
    }

    public static Action concurrently(Phase phase, Stage stage, String description, String sql) {
        return new Action(phase, stage, description, List.of(sql), List.of(), true, null, null);
    }

    public static Action validation(Stage stage, Phase phase, String description, String sql, Violation violation) {
        return new Action(phase, stage, description, List.of(sql), List.of(), false, null, violation);
    }

    public static Action backfill(String table) {
        return new Action(Phase.START, Stage.BACKFILL, "backfill " + table + " in batches through the sync trigger",
                List.of(), List.of(), false, table, null);
    }

    public Action planned(List<ExecutableStatement> planned) {
        return new Action(phase, stage, description, sql, planned, concurrent, backfill, violation, stepwise, onFailure);
    }

    /** Several actions of one stage as one transaction. */
    public static Action merge(Phase phase, Stage stage, String description, List<Action> actions) {
        return new Action(phase, stage, description, actions.stream().flatMap(a -> a.sql().stream()).toList(),
                List.of(), false, null, null);
    }
}
