package dev.underway.dialect;

import dev.underway.migration.TimeoutClass;

/**
 * Which classes of statement run with the short lock timeout on this engine. The class itself
 * comes from the statement classifier's verdict ({@link TimeoutClass#of(Verdict)}).
 */
public interface TimeoutPolicy {
    /** True when statements of this class run with the short lock timeout (and are retried when it hits). */
    boolean takesLockTimeout(TimeoutClass timeoutClass);
}
