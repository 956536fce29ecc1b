/**
 * Waiting for a lock held elsewhere ({@link dev.underway.wait.LockWait}): one loop for the migration
 * lock, a backfill's session lock and the CLI's embedded-database file lock. It imports nothing of
 * Underway, so any package may use it.
 *
 * <p>Internal: no compatibility promise between versions. Embed Underway through {@link dev.underway.Underway};
 * where the facade returns a type of this package, treat it as a read-only value.
 */
package dev.underway.wait;
