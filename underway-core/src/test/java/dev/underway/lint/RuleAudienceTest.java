package dev.underway.lint;

import dev.underway.Audience;
import dev.underway.lint.rules.PostgresIndexRules;
import dev.underway.report.LintRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's safe alternative names the fixer as its reader knows it: {@code lint --fix} on the CLI only. */
class RuleAudienceTest {

    @Test
    void theFixerIsUnderwayFixForALibraryCallerAndLintFixForTheCli() {
        LintRule rule = PostgresIndexRules.CONCURRENT_INDEX_WITHOUT_NAME.describe();
        assertThat(rule.safeAlternative()).contains("Underway.fix(...) writes the name PostgreSQL would have chosen")
                .doesNotContain("--fix");
        assertThat(rule.safeAlternative(Audience.CLI))
                .contains("`underway lint --fix` writes the name PostgreSQL would have chosen")
                .doesNotContain("Underway.fix");
    }

    @Test
    void noRuleNamesACommandLineFlagOrLeavesAPlaceholderForALibraryCaller() {
        assertThat(Rules.all()).extracting(r -> r.describe().safeAlternative()).isNotEmpty()
                .allSatisfy(text -> assertThat(text).doesNotContain("{{").doesNotContain("lint --fix"));
        assertThat(Rules.all()).extracting(r -> r.describe().safeAlternative(Audience.CLI))
                .allSatisfy(text -> assertThat(text).doesNotContain("{{").doesNotContain("Underway.fix"))
                .anySatisfy(text -> assertThat(text).contains("`underway lint --fix`"));
    }
}
