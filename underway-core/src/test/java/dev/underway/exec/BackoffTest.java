package dev.underway.exec;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @Test
    void waitsGrowExponentiallyWithJitterUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofHours(1));
        long[] caps = {100, 200, 400, 800, 1000, 1000, 1000};
        for (long cap : caps) {
            assertThat(b.next().toMillis()).isBetween(cap / 2, cap);
        }
        assertThat(b.attempts()).isEqualTo(caps.length);
    }

    @Test
    void givesUpWhenTheNextWaitWouldExceedTheBudget() {
        Backoff b = new Backoff(Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofMillis(100));
        assertThat(b.next()).isNull();
    }
}
