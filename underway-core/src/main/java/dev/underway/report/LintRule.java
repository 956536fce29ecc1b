package dev.underway.report;

import dev.underway.Audience;
import dev.underway.Setting;

/**
 * What one lint rule says, without its check: a stable code, a short name, the severity, the engines it applies to,
 * and the explanation and safe alternative that findings of it carry. {@code underway lint --rules} lists them.
 *
 * @param engines {@code any}, {@code postgresql} or {@code mysql} (MySQL and MariaDB)
 */
public record LintRule(String code, String name, Severity severity, String engines, String summary, String explanation,
                       String safeAlternative) {
    /** What to write instead, for a library caller. */
    @Override
    public String safeAlternative() {
        return safeAlternative(Audience.LIBRARY);
    }

    /** What to write instead, naming the fixer for {@code audience}: {@code lint --fix} or {@code Underway.fix}. */
    public String safeAlternative(Audience audience) {
        return Setting.render(safeAlternative, audience);
    }
}
