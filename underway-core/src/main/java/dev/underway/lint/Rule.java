package dev.underway.lint;

import dev.underway.Audience;
import dev.underway.Setting;
import dev.underway.report.LintRule;
import dev.underway.report.Severity;

import java.util.Locale;


/**
 * One lint rule: a stable code, what it says and why, and the check itself. Rules are data
 * plus a function; {@link Rules} lists them all.
 *
 * @param code            stable, e.g. {@code PG101}; never reused for another meaning
 * @param name            a short kebab-case name ({@code create-index-not-concurrently})
 * @param engine          which engine family it applies to
 * @param summary         one line, used as the finding message when the check gives no detail
 * @param explanation     why it matters
 * @param safeAlternative what to do instead; may name settings or the fixer for its reader ({@link Setting#either})
 */
public record Rule(String code, String name, Severity severity, Engine engine, String summary, String explanation,
                   String safeAlternative, Check check) {

    /** How a safe alternative names the fixer: the CLI's {@code lint --fix}, the library's {@code Underway.fix}. */
    public static final String FIXER = Setting.either("`underway lint --fix`", "Underway.fix(...)");

    /** Which engines a rule applies to. */
    public enum Engine { ANY, POSTGRESQL, MYSQL }

    /** Returns the finding's message (more specific than the summary where it can be), or null when the statement is fine. */
    @FunctionalInterface
    public interface Check {
        String check(StatementContext ctx);
    }

    public boolean appliesTo(dev.underway.dialect.DatabaseKind kind) {
        return engine == Engine.ANY || (engine == Engine.MYSQL) == kind.isMySqlFamily();
    }

    /** What to write instead, naming the fixer as {@code audience} knows it (as {@link LintRule} does). */
    public String safeAlternative(Audience audience) {
        return Setting.render(safeAlternative, audience);
    }

    /** What the rule says, for listings and reports (the public view of a rule). */
    public LintRule describe() {
        return new LintRule(code, name, severity, engine.name().toLowerCase(Locale.ROOT), summary, explanation, safeAlternative);
    }
}
