package dev.underway.lint;

import dev.underway.lint.rules.BreakingChangeRules;
import dev.underway.lint.rules.LockTimeoutRules;
import dev.underway.lint.rules.MySqlRules;
import dev.underway.lint.rules.PostgresBreakingRules;
import dev.underway.lint.rules.PostgresConstraintRules;
import dev.underway.lint.rules.PostgresIndexRules;
import dev.underway.lint.rules.PostgresPartitionRules;
import dev.underway.lint.rules.PostgresRewriteRules;
import dev.underway.report.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.underway.report.Severity.ERROR;
import static dev.underway.report.Severity.WARNING;

/** Every lint rule, by code. Codes are stable: documented in the README, referenced by suppressions. */
public final class Rules {
    /** A suppression must say why; without a reason it suppresses nothing and is itself an error. */
    public static final Rule SUPPRESSION_WITHOUT_REASON = new Rule("UW002", "suppression-without-reason", ERROR,
            Rule.Engine.ANY, "a suppression without a reason",
            "Every -- underway:allow needs reason=\"...\" so reviewers can see why the risk is accepted; without one "
                    + "it suppresses nothing.",
            "Write -- underway:allow PG101 reason=\"table has 200 rows\".", ctx -> null);

    public static final Rule SUPPRESSION_UNKNOWN_CODE = new Rule("UW003", "suppression-unknown-code", WARNING,
            Rule.Engine.ANY, "a suppression names a code no rule has",
            "A typo in a suppressed code would silently suppress nothing.",
            "Use a code from the rule table in the README (e.g. PG101, MY201, UW013).", ctx -> null);

    /** A suppression must say what it suppresses; without a code it suppresses nothing and is itself an error. */
    public static final Rule SUPPRESSION_WITHOUT_CODE = new Rule("UW004", "suppression-without-code", ERROR,
            Rule.Engine.ANY, "a suppression names no rule code",
            "A -- underway:allow without a code suppresses nothing, while it reads as if the statement had been reviewed.",
            "Name the codes it accepts: -- underway:allow PG101 reason=\"table has 200 rows\".", ctx -> null);

    /**
     * A file migrate refuses to run as written (statements that cannot run in a transaction mixed with ones that do,
     * or BEGIN/COMMIT in a file Underway runs in its own transaction). Reported by the linter for the file, with the
     * message migrate gives; a suppression cannot make migrate run it.
     */
    public static final Rule REFUSED_BY_MIGRATE = new Rule("UW005", "refused-by-migrate", ERROR, Rule.Engine.ANY,
            "migrate refuses to run this file as written",
            "Underway runs a PostgreSQL migration in one transaction with its history row, so statements that cannot run"
                    + " in a transaction (CONCURRENTLY, VACUUM, ...) cannot share a file with ones that do, and the file"
                    + " must not open or end transactions itself; migrate refuses such a file before anything is applied.",
            "Move the statements that cannot run in a transaction into a migration of their own, or add"
                    + " -- underway:no-transaction to run the file statement by statement (and keep BEGIN/COMMIT only"
                    + " then).", ctx -> null);

    private static final List<Rule> ALL = build();
    private static final Map<String, Rule> BY_CODE = ALL.stream().collect(Collectors.toMap(Rule::code, Function.identity()));

    private Rules() {
    }

    private static List<Rule> build() {
        List<Rule> all = new ArrayList<>();
        all.addAll(BreakingChangeRules.all());
        all.add(SUPPRESSION_WITHOUT_REASON);
        all.add(SUPPRESSION_UNKNOWN_CODE);
        all.add(SUPPRESSION_WITHOUT_CODE);
        all.add(REFUSED_BY_MIGRATE);
        all.addAll(PostgresIndexRules.all());
        all.addAll(PostgresConstraintRules.all());
        all.addAll(PostgresRewriteRules.all());
        all.addAll(PostgresPartitionRules.all());
        all.addAll(PostgresBreakingRules.all());
        all.addAll(MySqlRules.all());
        all.addAll(LockTimeoutRules.all());
        all.sort(Comparator.comparing(Rule::code));
        return List.copyOf(all);
    }

    /** All rules, sorted by code. */
    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
