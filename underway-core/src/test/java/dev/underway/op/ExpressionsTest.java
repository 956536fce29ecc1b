package dev.underway.op;

import dev.underway.dialect.postgres.PostgresDialect;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Column renames inside user expressions touch only column references. */
class ExpressionsTest {
    @Test
    void renamesColumnReferencesButNotStringsQualifiedNamesOrOtherColumns() {
        assertThat(Expressions.renameColumns("length(Email) > 3 AND email <> 'email' AND u.email IS NULL AND emails > 0",
                Map.of("email", "_uw_email"), PostgresDialect.SYNTAX))
                .isEqualTo("length(\"_uw_email\") > 3 AND \"_uw_email\" <> 'email' AND u.email IS NULL AND emails > 0");
        assertThat(Expressions.renameColumns("\"Balance\" > 0 AND balance > 0", Map.of("Balance", "_uw_Balance"),
                PostgresDialect.SYNTAX)).isEqualTo("\"_uw_Balance\" > 0 AND balance > 0");
    }

    @Test
    void namesAreWhatPostgresWouldResolve() {
        assertThat(Expressions.names("coalesce(\"Balance\", Amount) -- note", PostgresDialect.SYNTAX))
                .containsExactlyInAnyOrder("coalesce", "Balance", "amount");
    }
}
