package dev.underway.dialect.mysql;

import dev.underway.dialect.TimeoutPolicy;
import dev.underway.migration.TimeoutClass;

/**
 * MySQL/MariaDB: every DDL algorithm, in-place index builds included, takes an exclusive
 * metadata lock at least briefly, so every statement that is not plain DML gets
 * {@code lock_wait_timeout}.
 */
final class MySqlTimeoutPolicy implements TimeoutPolicy {
    @Override
    public boolean takesLockTimeout(TimeoutClass timeoutClass) {
        return timeoutClass != TimeoutClass.OTHER;
    }
}
