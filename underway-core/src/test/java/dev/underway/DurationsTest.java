package dev.underway;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void parsesTheUnitsUsersWrite() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse(" 2S ")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rejectsWhatItCannotRead() {
        for (String bad : new String[] {"", "2", "s", "2 s", "2x", "2s3", "-1s"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(UnderwayException.class)
                    .hasMessageContaining("is not a duration");
        }
    }

    @Test
    void formatsCompactly() {
        assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    }

    @Test
    void approximatesAgesReadably() {
        assertThat(Durations.approximate(Duration.ofMillis(450))).isEqualTo("450ms");
        assertThat(Durations.approximate(Duration.ofMillis(2_560))).isEqualTo("2.5s");
        assertThat(Durations.approximate(Duration.ofMillis(3_020))).isEqualTo("3s");
        assertThat(Durations.approximate(Duration.ofMillis(12_900))).isEqualTo("12s");
        assertThat(Durations.approximate(Duration.ofSeconds(603))).isEqualTo("10m3s");
        assertThat(Durations.approximate(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.approximate(Duration.ofMinutes(125).plusSeconds(7))).isEqualTo("2h5m");
    }
}
