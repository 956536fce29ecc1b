package dev.underway.lint;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.PendingMigration;
import dev.underway.plan.MigrationDirectory;
import dev.underway.report.Finding;
import dev.underway.report.LintOptions;
import dev.underway.sql.shape.SchemaModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lint gate of migrate: the pending migrations are linted with every migration of the
 * directory before them as context; an unsuppressed error stops migrate before anything is
 * applied (exit 1), unless the user asked for {@code --unsafe}. Statements a failed migration
 * already executed are not judged again.
 */
public final class MigrationGate {
    private MigrationGate() {
    }

    /**
     * What the gate learnt: the findings of the pending migrations, and every statement of each
     * pending migration as the linter judged it (the executor plans timeouts and online clauses
     * from these verdicts), by script path.
     */
    public record Result(List<Finding> findings, Map<String, List<StatementAnalysis>> statements) {
        public List<StatementAnalysis> statementsOf(MigrationScript script) {
            return statements.getOrDefault(script.script(), List.of());
        }
    }

    /**
     * Lints the pending migrations with the whole directory as context; throws when an
     * unsuppressed finding is an error and {@code unsafe} is false.
     */
    public static Result check(Dialect dialect, MigrationDirectory dir, List<PendingMigration> pending, boolean unsafe) {
        return check(dialect, dir, pending, List.of(), unsafe);
    }

    /**
     * The same, with more statements to judge after the directory's (the SQL of declarative migrations' {@code sql}
     * operations), all before anything is applied.
     */
    public static Result check(Dialect dialect, MigrationDirectory dir, List<PendingMigration> pending,
                               List<LintInput> more, boolean unsafe) {
        Map<String, Integer> resumeAt = new HashMap<>();
        pending.forEach(p -> resumeAt.put(p.script().script(), p.resumeAt()));
        Map<String, List<StatementAnalysis>> statements = new HashMap<>();
        if (resumeAt.isEmpty() && more.isEmpty()) {
            return new Result(List.of(), statements);
        }
        Linter linter = new Linter(dialect, LintOptions.DEFAULT);
        SchemaModel schema = new SchemaModel();
        List<Finding> findings = new ArrayList<>();
        List<MigrationScript> all = new ArrayList<>(dir.versioned());
        all.addAll(dir.repeatable());
        for (MigrationScript m : all) {
            FileAnalysis a = linter.analyze(LintInput.of(m, ""), schema);
            Integer from = resumeAt.get(m.script());
            if (from == null) {
                continue;
            }
            statements.put(m.script(), a.statements());
            int firstLine = from < m.sql().statements().size() ? m.sql().statements().get(from).line() : Integer.MAX_VALUE;
            a.findings().stream().filter(f -> from == 0 || f.line() >= firstLine).forEach(findings::add);
        }
        for (LintInput extra : more) {
            findings.addAll(linter.analyze(extra, schema).findings());
        }
        refuseErrors(findings, unsafe, "migrate");
        return new Result(findings, statements);
    }

    /** Throws when an unsuppressed finding is an error and {@code unsafe} is false; {@code command} is what refuses. */
    public static void refuseErrors(List<Finding> findings, boolean unsafe, String command) {
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (!errors.isEmpty() && !unsafe) {
            throw UnderwayException.of(Reason.LINT_FAILED, command + " refused: " + errors.size() + " lint error(s) in pending migrations;"
                    + " nothing was applied.\n  " + String.join("\n  ", errors.stream().map(Finding::headline).toList())
                    + "\nRewrite them safely" + Setting.either(" (`underway lint --fix` does the mechanical cases)",
                    " (each finding says how)") + ", suppress one with"
                    + " -- underway:allow <code> reason=\"...\", or run " + command + " " + Setting.either("--unsafe", "with unsafe(true)")
                    + ".", null);
        }
    }
}
