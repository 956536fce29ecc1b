package dev.underway.dialect;

import dev.underway.sql.SqlStatement;

/**
 * Which statements need a short lock timeout and which statement timeout they get. Keyword
 * based for now: this is the one place that will consume the statement classifier's lock
 * modes once it lands.
 */
public interface TimeoutPolicy {
    TimeoutClass classify(SqlStatement statement);

    /** True when statements of this class run with the short lock timeout (and are retried when it hits). */
    default boolean takesLockTimeout(TimeoutClass timeoutClass) {
        return timeoutClass == TimeoutClass.BRIEF_STRONG_LOCK;
    }
}
