package dev.underway.backfill;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.mysql.MySqlDialect;
import dev.underway.dialect.postgres.PostgresDialect;
import dev.underway.migration.RowChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowChangeTest {
    @Test
    void splitsAtTopLevelCommasAndTheFirstEquals() {
        RowChange.Assign a = Assignments.parse("tier = coalesce(tier, 'a,b'), \"Score\" = greatest(1, 2) , n=n+1",
                PostgresDialect.SYNTAX);
        assertThat(a.assignments()).containsExactly(
                new RowChange.Assignment("tier", "coalesce(tier, 'a,b')"),
                new RowChange.Assignment("Score", "greatest(1, 2)"),
                new RowChange.Assignment("n", "n+1"));
    }

    @Test
    void mysqlBackticksAndComparisonsInsideExpressions() {
        RowChange.Assign a = Assignments.parse("`flag` = (a = b), x = IF(a >= 1, 'y', 'n')", MySqlDialect.SYNTAX);
        assertThat(a.assignments()).containsExactly(
                new RowChange.Assignment("flag", "(a = b)"),
                new RowChange.Assignment("x", "IF(a >= 1, 'y', 'n')"));
    }

    /** The remedy names the option the caller knows: the CLI's flag, or the builder method of a library caller. */
    @Test
    void aRefusalNamesTheSettingForItsAudience() {
        assertThatThrownBy(() -> Assignments.parse("a = 1; DROP TABLE t", PostgresDialect.SYNTAX))
                .isInstanceOfSatisfying(UnderwayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_OPTION);
                    assertThat(e.getMessage()).contains("BackfillRequest.Builder.set(String) 'a = 1; DROP TABLE t'")
                            .contains("e.g. set(\"tier = coalesce(plan, 'free')\")").doesNotContain("--");
                    assertThat(e.message(Audience.CLI)).contains("--set 'a = 1; DROP TABLE t'")
                            .contains("e.g. --set \"tier = coalesce(plan, 'free')\" --where \"tier IS NULL\"")
                            .doesNotContain("Builder");
                });
    }

    @Test
    void refusesWhatIsNotAListOfAssignments() {
        assertThatThrownBy(() -> Assignments.parse("lower(a)", PostgresDialect.SYNTAX))
                .isInstanceOf(UnderwayException.class).hasMessageContaining("write column = expression");
        assertThatThrownBy(() -> Assignments.parse("a = 1; DROP TABLE t", PostgresDialect.SYNTAX))
                .hasMessageContaining("contains ';'");
        assertThatThrownBy(() -> Assignments.parse("n = n + 1 -- and the rest", PostgresDialect.SYNTAX))
                .hasMessageContaining("contains a comment");
        assertThatThrownBy(() -> Assignments.parse("n = n + 1 WHERE true", PostgresDialect.SYNTAX))
                .hasMessageContaining("has a WHERE clause of its own");
        assertThatThrownBy(() -> Assignments.parse("a = (1", PostgresDialect.SYNTAX))
                .hasMessageContaining("leaves a parenthesis open");
        assertThatThrownBy(() -> Assignments.parse("a = 1)", PostgresDialect.SYNTAX))
                .hasMessageContaining("closes a parenthesis it did not open");
        // FROM and WHERE inside parentheses, and the IS DISTINCT FROM operator, are part of the expression.
        assertThat(Assignments.parse("a = (SELECT max(x) FROM u WHERE u.id = 1)", PostgresDialect.SYNTAX)
                .assignments()).containsExactly(new RowChange.Assignment("a", "(SELECT max(x) FROM u WHERE u.id = 1)"));
        assertThat(Assignments.parse("a = b IS DISTINCT FROM c", PostgresDialect.SYNTAX).assignments())
                .containsExactly(new RowChange.Assignment("a", "b IS DISTINCT FROM c"));
        assertThatThrownBy(() -> Assignments.parse("a = 1 FROM u", PostgresDialect.SYNTAX))
                .hasMessageContaining("has a FROM clause of its own");
        assertThatThrownBy(() -> Assignments.parse("n = y.distinct FROM other", PostgresDialect.SYNTAX))
                .hasMessageContaining("has a FROM clause of its own");
        assertThat(Assignments.parse("a = b IS NOT DISTINCT FROM c", PostgresDialect.SYNTAX).assignments())
                .containsExactly(new RowChange.Assignment("a", "b IS NOT DISTINCT FROM c"));
        assertThatThrownBy(() -> Assignments.parse("a = doc ? 'k'", PostgresDialect.SYNTAX))
                .hasMessageContaining("contains '?'");
        assertThatThrownBy(() -> Assignments.parse("a = $1", PostgresDialect.SYNTAX))
                .hasMessageContaining("contains '$1'");
        assertThatThrownBy(() -> Assignments.parse("a = 'x\\' || b", PostgresDialect.SYNTAX))
                .hasMessageContaining("backslash in a quoted string");
        assertThat(Assignments.parse("a = E'x\\n'", PostgresDialect.SYNTAX).assignments()).hasSize(1);
    }

    @Test
    void mysqlFragmentsCannotHideTheRestOfTheStatement() {
        // MySQL starts a -- comment before a control character too, not only before a space.
        assertThatThrownBy(() -> Assignments.parse("n = 1 --\u0001", MySqlDialect.SYNTAX))
                .hasMessageContaining("contains a comment");
        assertThatThrownBy(() -> Assignments.parse("n = 1 # rest", MySqlDialect.SYNTAX))
                .hasMessageContaining("contains a comment");
        // Under NO_BACKSLASH_ESCAPES this string would end at the backslash.
        assertThatThrownBy(() -> Assignments.parse("n = '\\') OR true #'", MySqlDialect.SYNTAX))
                .hasMessageContaining("backslash in a quoted string");
        assertThatThrownBy(() -> Assignments.parse("n = \"a\\\" x\"", MySqlDialect.SYNTAX))
                .hasMessageContaining("backslash in a quoted string");
        assertThat(Assignments.parse("n = n--1", MySqlDialect.SYNTAX).assignments())
                .containsExactly(new RowChange.Assignment("n", "n--1"));
        assertThatThrownBy(() -> Assignments.parse("a = 1,", PostgresDialect.SYNTAX))
                .hasMessageContaining("write column = expression");
    }
}
