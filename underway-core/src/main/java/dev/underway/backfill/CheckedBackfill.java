package dev.underway.backfill;

import dev.underway.migration.BackfillPlan;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.TableKey;

import java.util.List;

/**
 * A checked backfill, as data: which relations to walk in which order, by which key, with
 * which statements and limits. The runner executes it; tests read it, dry runs read its
 * {@link #publicPlan() public plan}.
 *
 * @param name       the checkpoint's name
 * @param change     the change as recorded with the checkpoint ({@code touch} or the assignments)
 * @param targets    the relations walked one after the other: the table, or its leaf partitions
 * @param catchUp    whether catch-up passes follow the sweep
 * @param estimatedRows the planner's estimate of all targets' rows together
 */
public record CheckedBackfill(
        String name,
        QualifiedName table,
        TableKey key,
        String change,
        String predicate,
        List<QualifiedName> targets,
        BatchStatements statements,
        boolean catchUp,
        long estimatedRows,
        BackfillRequest request) {

    /** The statements of the first batch of the first target, for messages and dry runs. */
    public List<String> sampleSql() {
        QualifiedName first = targets.get(0);
        return List.of(statements.boundary(first, true), statements.update(first, true, false));
    }

    /** What the facade hands out of this plan: everything but the statements and the request. */
    public BackfillPlan publicPlan() {
        return new BackfillPlan(name, table, key, change, predicate, targets, catchUp, estimatedRows, sampleSql());
    }
}
