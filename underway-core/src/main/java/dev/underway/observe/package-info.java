/**
 * Listener interfaces with a no-op default for every method, and the events they receive: {@code MigrationListener}
 * (what the executor does), {@code PhaseListener} (expand/contract actions), {@code BackfillListener} with
 * {@code BackfillProgress}, {@code RetryAttempt}, {@code LoadListener} (a simulated load's seconds). The CLI prints from them; library callers log or meter from them. It
 * must not depend on the executor, backfills, operations or anything above them, so every engine of work can report
 * through it.
 */
package dev.underway.observe;
