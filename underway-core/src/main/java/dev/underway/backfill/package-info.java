/**
 * Batched, resumable data changes: {@code Backfill} plans a {@code BackfillRequest} ({@code BackfillPlanner} to
 * {@code BackfillPlan}), takes its session lock and runs it with {@code BackfillRunner}: keyset batches in short
 * transactions that commit with their checkpoint ({@code BatchTransaction}), sized by {@code BatchSizer}, throttled by
 * {@code Throttles}, then catch-up passes. Engine SQL comes from the dialect's {@code BatchSql}. It may use the
 * executor and everything below; it must not depend on {@code op}, {@code expand} or the tools.
 */
package dev.underway.backfill;
