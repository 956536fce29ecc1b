package dev.underway.plan;

import dev.underway.UnderwayException;
import dev.underway.migration.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationVersionTest {

    private static MigrationVersion v(String s) {
        return MigrationVersion.parse(s);
    }

    @Test
    void comparesNumericallyPartByPart() {
        List<String> sorted = Stream.of("1.10", "1.9", "2", "1", "10", "1.2.1", "1_3").map(MigrationVersion::parse).sorted()
                .map(MigrationVersion::toString).toList();
        assertThat(sorted).containsExactly("1", "1.2.1", "1.3", "1.9", "1.10", "2", "10");
    }

    @Test
    void leadingAndTrailingZerosDoNotMakeADifferentVersion() {
        assertThat(v("1.01")).isEqualTo(v("1.1")).hasSameHashCodeAs(v("1.1"));
        assertThat(v("1.0")).isEqualTo(v("1")).hasSameHashCodeAs(v("1"));
        assertThat(v("1.0.1")).isNotEqualTo(v("1.1"));
    }

    @Test
    void handlesVersionsBeyondLong() {
        assertThat(v("99999999999999999999")).isGreaterThan(v("9223372036854775807"));
    }

    @Test
    void underscoreMeansDot() {
        assertThat(v("2_1").toString()).isEqualTo("2.1");
    }

    @Test
    void rejectsNonNumericVersions() {
        assertThatThrownBy(() -> v("1.a")).isInstanceOf(UnderwayException.class).hasMessageContaining("'1.a' is not a version");
        assertThatThrownBy(() -> v("")).isInstanceOf(UnderwayException.class);
    }
}
