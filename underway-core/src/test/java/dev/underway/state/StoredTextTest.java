package dev.underway.state;

import dev.underway.UnderwayException;
import dev.underway.migration.BackfillStatus;
import dev.underway.migration.FlightPhase;
import dev.underway.migration.HistoryPhase;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.StoredText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTextTest {
    private static final QualifiedName TABLE = new QualifiedName("underway", "operations");

    @Test
    void everyValueReadsBackFromTheTextEarlierVersionsStored() {
        assertThat(StoredText.read(FlightPhase.class, TABLE, "phase", "started")).isEqualTo(FlightPhase.STARTED);
        assertThat(StoredText.read(HistoryPhase.class, TABLE, "phase", "rolled back")).isEqualTo(HistoryPhase.ROLLED_BACK);
        assertThat(StoredText.read(BackfillStatus.class, TABLE, "status", "not converged"))
                .isEqualTo(BackfillStatus.NOT_CONVERGED);
        for (FlightPhase p : FlightPhase.values()) {
            assertThat(StoredText.read(FlightPhase.class, TABLE, "phase", p.text())).isEqualTo(p);
        }
    }

    @Test
    void theStoredTextIsWhatOutputShows() {
        assertThat(FlightPhase.START + " " + HistoryPhase.COMPLETE + " " + BackfillStatus.INTERRUPTED)
                .isEqualTo("start complete interrupted");
    }

    @Test
    void unknownTextNamesTheTableColumnAndValue() {
        assertThatThrownBy(() -> StoredText.read(FlightPhase.class, TABLE, "phase", "paused"))
                .isInstanceOf(UnderwayException.class)
                .hasMessageContaining("underway.operations")
                .hasMessageContaining("unknown phase 'paused'")
                .hasMessageContaining("known: start, started, complete, rollback");
    }
}
