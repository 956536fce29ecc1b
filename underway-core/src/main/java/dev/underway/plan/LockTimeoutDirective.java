package dev.underway.plan;

import dev.underway.Durations;
import dev.underway.UnderwayException;
import dev.underway.migration.Directive;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.SqlScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A file's {@code -- underway:lock-timeout=...} directive: when migrate refuses it (lint reports the same). */
public final class LockTimeoutDirective {
    private LockTimeoutDirective() {
    }

    /** Why migrate refuses the file's {@code -- underway:lock-timeout} directive, or empty. */
    public static Optional<ExecutionModes.Refusal> refusal(SqlScript sql) {
        List<Directive> given = sql.directives().stream().filter(d -> d.name().equals(Directive.LOCK_TIMEOUT)).toList();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Directive d = given.get(0);
        if (given.size() > 1) {
            return refusal(d, "lock-timeout is given again at line " + given.get(1).line()
                    + "; it applies to the whole file, so give it once");
        }
        Duration value;
        try {
            value = Durations.parse(d.argument());
        } catch (UnderwayException e) {
            return refusal(d, "-- underway:lock-timeout=" + d.argument() + ": " + e.getMessage());
        }
        if (value.isZero()) {
            return refusal(d, "-- underway:lock-timeout must be positive; a statement would otherwise wait for its lock"
                    + " without limit");
        }
        return Optional.empty();
    }

    private static Optional<ExecutionModes.Refusal> refusal(Directive d, String message) {
        return Optional.of(new ExecutionModes.Refusal(d.line(), message));
    }
}
