/**
 * Waiting for a lock held elsewhere ({@link dev.underway.wait.LockWait}): one loop for the migration
 * lock, a backfill's session lock and the CLI's embedded-database file lock. It imports nothing of
 * Underway, so any package may use it.
 */
package dev.underway.wait;
