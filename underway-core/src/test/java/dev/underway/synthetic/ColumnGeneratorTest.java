package dev.underway.synthetic;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.ColumnProfile;
import dev.underway.dialect.ColumnProfile.Kind;
import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values per kind: within the column's limits, unique per row number where needed, repeatable per seed. */
class ColumnGeneratorTest {
    private static final dev.underway.dialect.DataFill PG = Dialects.offline(DatabaseKind.POSTGRESQL,
            ServerVersion.parse("17.0")).dataFill();

    private static ColumnProfile column(Kind kind, Integer length, boolean unique, boolean nullable) {
        return new ColumnProfile("c", kind, kind.name().toLowerCase(), length, kind == Kind.DECIMAL ? 6 : null,
                kind == Kind.DECIMAL ? 2 : null, kind == Kind.INTEGER ? 32_767 : Long.MAX_VALUE, List.of("a", "b"), nullable,
                false, true, unique, null, null, false);
    }

    private static ColumnGenerator generator(ColumnProfile p) {
        return new ColumnGenerator(p, PG, List.of(), "public.t");
    }

    @Test
    void textKeepsToItsLengthAndUniqueTextIsUnique() {
        ColumnGenerator short5 = generator(column(Kind.TEXT, 5, false, false));
        ColumnGenerator unique = generator(column(Kind.TEXT, 12, true, false));
        SplittableRandom r = new SplittableRandom(1);
        Set<String> seen = new HashSet<>();
        for (long row = 1; row <= 50_000; row++) {
            String v = short5.value(row, r);
            assertThat(v.length()).isBetween(1, 5);
            String u = unique.value(row, r);
            assertThat(u.length()).isLessThanOrEqualTo(12);
            assertThat(seen.add(u)).as("unique value for row %d: %s", row, u).isTrue();
        }
        assertThatThrownBy(() -> generator(column(Kind.TEXT, 3, true, false)).value(12_345, r))
                .isInstanceOf(UnderwayException.class).hasMessageContaining("too short for 12345 distinct values");
    }

    @Test
    void numbersStayInRangeAndUniqueOnesAreTheRowNumber() {
        SplittableRandom r = new SplittableRandom(2);
        ColumnGenerator smallint = generator(column(Kind.INTEGER, null, false, false));
        ColumnGenerator decimal = generator(column(Kind.DECIMAL, null, false, false));
        for (int i = 0; i < 10_000; i++) {
            assertThat(Long.parseLong(smallint.value(i, r))).isBetween(1L, 32_767L);
            String d = decimal.value(i, r);
            assertThat(d).matches("\\d{1,4}\\.\\d{2}");
        }
        ColumnGenerator key = generator(column(Kind.INTEGER, null, true, false));
        assertThat(key.value(31_000, r)).isEqualTo("31000");
        assertThatThrownBy(() -> key.value(40_000, r)).hasMessageContaining("cannot hold 40000 distinct values");
    }

    @Test
    void datesTimesUuidsJsonAndBytesHaveTheirServersTextForms() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            LocalDate.parse(generator(column(Kind.DATE, null, false, false)).value(i, r));
            LocalDateTime.parse(generator(column(Kind.TIMESTAMP, null, false, false)).value(i, r),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            assertThat(generator(column(Kind.TIMESTAMPTZ, null, false, false)).value(i, r)).endsWith("+00");
            assertThat(generator(column(Kind.TIME, null, false, false)).value(i, r)).matches("\\d\\d:\\d\\d:\\d\\d");
            UUID.fromString(generator(column(Kind.UUID, null, false, false)).value(i, r));
            assertThat(generator(column(Kind.JSON, null, false, false)).value(i, r)).startsWith("{\"n\": ").endsWith("\"}");
            assertThat(generator(column(Kind.BINARY, 4, false, false)).value(i, r)).matches("\\\\x([0-9a-f]{2}){1,4}");
            assertThat(generator(column(Kind.ENUM, null, false, false)).value(i, r)).isIn("a", "b");
        }
        Set<String> uuids = new HashSet<>();
        for (long row = 0; row < 10_000; row++) {
            uuids.add(generator(column(Kind.UUID, null, true, false)).value(row, r));
        }
        assertThat(uuids).hasSize(10_000);
    }

    @Test
    void theSameSeedGivesTheSameValues() {
        ColumnGenerator g = generator(column(Kind.TEXT, 30, false, false));
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            assertThat(g.value(i, a)).isEqualTo(g.value(i, b));
        }
    }

    @Test
    void aNotNullColumnOfAnUnsupportedTypeIsRefusedANullableOneGetsNull() {
        assertThatThrownBy(() -> generator(column(Kind.UNSUPPORTED, null, false, false)))
                .isInstanceOfSatisfying(UnderwayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                    assertThat(e.message(Audience.CLI)).contains("cannot make synthetic values for public.t.c")
                            .contains("pass --rows t=0");
                    assertThat(e.getMessage()).contains("pass rows(\"t\", 0)").doesNotContain("--rows");
                });
        assertThat(generator(column(Kind.UNSUPPORTED, null, false, true)).value(1, new SplittableRandom(1))).isNull();
    }

    @Test
    void foreignKeysTakeTheParentsKeys() {
        ColumnProfile fk = column(Kind.INTEGER, null, false, false).withReference(
                new dev.underway.migration.QualifiedName("public", "p"), "id");
        ColumnGenerator g = new ColumnGenerator(fk, PG, List.of("7", "8", "9"), "public.t");
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 100; i++) {
            assertThat(g.value(i, r)).isIn("7", "8", "9");
        }
        assertThatThrownBy(() -> new ColumnGenerator(fk, PG, List.of(), "public.t"))
                .hasMessageContaining("referencing public.p, which has no rows");
    }
}
