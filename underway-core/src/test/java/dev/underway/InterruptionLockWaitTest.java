package dev.underway;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link Interruption#waitForLock}: waits until the lock is free, says so once, and ends on a stop request. */
class InterruptionLockWaitTest {
    @Test
    void waitsUntilATryTakesTheLockAndSaysSoOnce() {
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger told = new AtomicInteger();
        new Interruption().waitForLock("Waiting for x", null, () -> tries.incrementAndGet() == 4, told::incrementAndGet);
        assertThat(tries).hasValue(4);
        assertThat(told).hasValue(1);
    }

    @Test
    void aFreeLockIsTakenWithoutWaitingOrSayingSo() {
        AtomicInteger told = new AtomicInteger();
        new Interruption().waitForLock("Waiting for x", null, () -> true, told::incrementAndGet);
        assertThat(told).hasValue(0);
    }

    @Test
    void aStopRequestEndsTheWaitWithTheInterruption() {
        Interruption stop = new Interruption();
        AtomicInteger tries = new AtomicInteger();
        UnderwayException e = catchThrowableOfType(UnderwayException.class, () -> stop.waitForLock("Waiting for x",
                "Nothing was changed.", () -> {
                    if (tries.incrementAndGet() == 3) {
                        stop.request("SIGINT");
                    }
                    return false;
                }, () -> { }));
        assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED);
        assertThat(e.getMessage()).isEqualTo("Waiting for x was interrupted (SIGINT). Nothing was changed.");
        assertThat(tries).hasValue(3);
    }

    @Test
    void anInterruptOfTheThreadEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        UnderwayException e = catchThrowableOfType(UnderwayException.class,
                () -> new Interruption().waitForLock("Waiting for x", null, () -> false, () -> { }));
        assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
        assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED);
        assertThat(e.getMessage()).isEqualTo("Waiting for x was interrupted (stop requested).");
    }

    @Test
    void whatATryThrowsEndsTheWait() {
        java.io.IOException failed = new java.io.IOException("no lock file");
        java.io.IOException thrown = catchThrowableOfType(java.io.IOException.class,
                () -> new Interruption().waitForLock("Waiting for x", null, () -> {
                    throw failed;
                }, () -> { }));
        assertThat(thrown).isSameAs(failed);
    }
}
