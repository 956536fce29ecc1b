package dev.underway.exec;

import dev.underway.plan.PendingMigration;

/** A pending migration with the way it will run: the unit of a migrate plan. */
public record PlannedMigration(PendingMigration pending, ExecutionMode mode) {
}
