package dev.underway.cli;

import dev.underway.migration.SqlStatement;
import dev.underway.migration.Verdict;
import dev.underway.report.Observation;
import dev.underway.report.ObservedLock;
import dev.underway.report.PgLock;
import dev.underway.report.TracedStatement;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** trace's text output fits a 120-column terminal, however long the statement, its relations and its differences. */
class TraceOutputTest {
    @Test
    void everyLineFitsIn120Columns() {
        String longName = "public.a_table_with_a_rather_long_name_for_an_application_table";
        List<ObservedLock> locks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            locks.add(new ObservedLock(longName + i, 'r', PgLock.ACCESS_EXCLUSIVE, true, true));
        }
        SqlStatement statement = new SqlStatement(0, "ALTER TABLE " + longName + " ADD COLUMN a_column_with_a_long_name"
                + " text NOT NULL DEFAULT 'a default value that goes on and on and on'", 12, List.of(), List.of());
        TracedStatement traced = new TracedStatement("db/migration/V12__a_migration_with_a_long_description.sql",
                statement, Verdict.unknown("the statement was not understood"),
                new Observation(locks, List.of(longName + "0"), List.of(), Set.of(), 1234, null),
                List.of("observed " + PgLock.ACCESS_EXCLUSIVE.label() + " on " + longName + "1, " + longName + "2, "
                        + longName + "3 which the verdict does not name"));
        StringWriter text = new StringWriter();
        new TraceOutput(new PrintWriter(text, true)).print(List.of(traced), Format.TEXT);

        assertThat(text.toString().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(120));
        assertThat(text.toString()).contains("db/migration/V12__a_migration_with_a_long_description.sql:12  ALTER TABLE")
                .contains("1234 ms  DIFFERS").contains("  observed: " + longName + "0: ACCESS EXCLUSIVE")
                .contains(longName + "5: ACCESS EXCLUSIVE").contains("rewrites, no scan")
                .contains("db/migration/V12__a_migration_with_a_long_description.sql:12: observed ACCESS EXCLUSIVE on");
    }
}
