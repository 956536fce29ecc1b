package dev.underway.state;

import dev.underway.migration.BackfillCheckpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillCheckpointTest {
    @Test
    void keysRoundTripThroughTheirJsonForm() {
        List<String> key = List.of("42", "O'Brien \"quoted\" \\ \n tab\t", "ünïcødé");
        String json = BackfillCheckpoint.encode(key);
        assertThat(json).startsWith("[\"42\",");
        assertThat(BackfillCheckpoint.decode(json)).isEqualTo(key);
        assertThat(BackfillCheckpoint.decode(null)).isNull();
    }
}
