package dev.underway.migration;

import java.util.List;

/**
 * What a backfill would do, checked against the table and changing nothing: the dry run of
 * {@link BackfillRequest}.
 *
 * @param name          the checkpoint's name (the request's name, or {@code schema.table})
 * @param table         the table
 * @param key           the key the batches walk in order
 * @param change        the change as recorded with the checkpoint ({@code touch} or the assignments)
 * @param predicate     the request's condition on the rows to change, or null
 * @param targets       the relations walked one after the other: the table, or its leaf partitions
 * @param catchUp       whether catch-up passes follow the sweep
 * @param estimatedRows the planner's estimate of all targets' rows together
 * @param sampleSql     the statements of the first batch of the first target: the boundary query, then the update
 */
public record BackfillPlan(String name, QualifiedName table, TableKey key, String change, String predicate,
                           List<QualifiedName> targets, boolean catchUp, long estimatedRows, List<String> sampleSql) {
    public BackfillPlan {
        targets = List.copyOf(targets);
        sampleSql = List.copyOf(sampleSql);
    }
}
