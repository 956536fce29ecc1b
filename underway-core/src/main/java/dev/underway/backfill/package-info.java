/**
 * Batched, resumable data changes: {@code Backfill} plans a {@code migration.BackfillRequest} ({@code BackfillPlanner} to
 * {@code CheckedBackfill}), takes its session lock and runs it with {@code BackfillRunner}: keyset batches in short
 * transactions that commit with their checkpoint ({@code BatchTransaction}), sized by {@code BatchSizer}, throttled by
 * {@code Throttles}, then catch-up passes. Engine SQL comes from the dialect's {@code BatchSql}. It may use the
 * executor and everything below; it must not depend on {@code op}, {@code expand} or the tools.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.backfill;
