package dev.underway.exec;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Privilege refusals: a usage error (exit 2), whose message the tests read. */
final class Refusals {
    private Refusals() {
    }

    static UnderwayException refused(ThrowingCallable call) {
        UnderwayException e = catchThrowableOfType(call, UnderwayException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.PRIVILEGE_MISSING);
        return e;
    }
}
