package dev.underway.rehearse;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBuilderTest {

    @Test
    void theDetailTimelineIsOneHundredMillisecondsUntilARunWouldNeedMoreThanSixHundredOfThem() {
        assertThat(ReportBuilder.detailInterval(800)).isEqualTo(Duration.ofMillis(100));
        assertThat(ReportBuilder.detailInterval(60_000)).isEqualTo(Duration.ofMillis(100));
        assertThat(ReportBuilder.detailInterval(60_001)).isEqualTo(Duration.ofMillis(200));
        assertThat(ReportBuilder.detailInterval(600_000)).isEqualTo(Duration.ofMillis(1000));
    }
}
