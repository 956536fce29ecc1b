package dev.underway.dialect.postgres;

import dev.underway.dialect.TimeoutPolicy;
import dev.underway.migration.TimeoutClass;

/**
 * PostgreSQL: statements that take a lock stronger than SHARE UPDATE EXCLUSIVE (and those the
 * classifier does not understand) wait for it at most the short lock timeout. Concurrent builds
 * and validations get none: they legitimately wait for older snapshots.
 */
final class PostgresTimeoutPolicy implements TimeoutPolicy {
    @Override
    public boolean takesLockTimeout(TimeoutClass timeoutClass) {
        return timeoutClass == TimeoutClass.BRIEF_STRONG_LOCK || timeoutClass == TimeoutClass.UNJUDGED;
    }
}
