package dev.underway.load;

import dev.underway.UnderwayException;
import dev.underway.report.QueryKind;
import dev.underway.report.QueryMix;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryMixTest {

    @Test
    void parsesWeightsAndPicksInProportion() {
        QueryMix mix = QueryMix.parse("read=60, update=40");
        assertThat(mix).isEqualTo(new QueryMix(60, 0, 40));
        Map<QueryKind, Integer> n = new EnumMap<>(QueryKind.class);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            n.merge(mix.pick(r), 1, Integer::sum);
        }
        assertThat(n).doesNotContainKey(QueryKind.INSERT);
        assertThat(n.get(QueryKind.READ)).isBetween(59_000, 61_000);
    }

    @Test
    void refusesBadMixes() {
        assertThatThrownBy(() -> QueryMix.parse("read=80,delete=20")).isInstanceOf(UnderwayException.class)
                .hasMessageContaining("unknown query kind 'delete'");
        assertThatThrownBy(() -> QueryMix.parse("read=x")).hasMessageContaining("bad weight 'x'");
        assertThatThrownBy(() -> QueryMix.parse("read=0")).hasMessageContaining("positive sum");
        assertThatThrownBy(() -> QueryMix.parse("read")).hasMessageContaining("kind=weight");
    }
}
