package dev.underway.op;

import dev.underway.lint.LintInput;
import dev.underway.sql.SqlSyntax;
import dev.underway.sql.StatementSplitter;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that declarative migrations run as written ({@code sql} operations), as lint inputs:
 * the migrate gate judges it like any SQL migration, so a {@code CREATE INDEX} without
 * {@code CONCURRENTLY} in a YAML file is refused just the same.
 */
public final class SqlOperationGate {
    private SqlOperationGate() {
    }

    /** Refuses a migration whose {@code sql} operations have an unsuppressed lint error, unless {@code unsafe}. */
    public static void check(YamlMigration m, dev.underway.dialect.Dialect dialect, boolean unsafe) {
        if (unsafe) {
            return;
        }
        dev.underway.lint.Linter linter = new dev.underway.lint.Linter(dialect, dev.underway.report.LintOptions.DEFAULT);
        List<dev.underway.report.Finding> findings = new ArrayList<>();
        for (LintInput in : inputs(List.of(m), dialect.syntax())) {
            findings.addAll(linter.analyze(in, new dev.underway.sql.shape.SchemaModel()).findings());
        }
        dev.underway.lint.MigrationGate.refuseErrors(findings, false, "start");
    }

    /**
     * One input per migration with {@code sql} operations, named after its file: their statements in order, each
     * operation's counting lines from the operation's line, so findings point into the YAML file
     * ({@code V7__x.yaml:4}). It is one migration, so a table its {@code create_table} (or an earlier {@code sql})
     * creates is new to the statements after it, as in a SQL file.
     */
    public static List<LintInput> inputs(List<YamlMigration> migrations, SqlSyntax syntax) {
        List<LintInput> out = new ArrayList<>();
        for (YamlMigration m : migrations) {
            StringBuilder text = new StringBuilder();
            List<String> created = new ArrayList<>();
            for (Operation<?> op : m.operations()) {
                if (op instanceof CreateTable t) {
                    created.add(t.table());
                } else if (op instanceof RawSql sql) {
                    long lines = text.chars().filter(ch -> ch == '\n').count();
                    // A lone ';' line ends a last statement written without one, so the next operation's is its own.
                    text.append("\n".repeat((int) Math.max(0, op.line() - 1 - lines))).append(sql.up()).append("\n;\n");
                }
            }
            if (!text.isEmpty()) {
                out.add(new LintInput(m.script(), null, new StatementSplitter(syntax).split(text.toString(), m.script()),
                        created));
            }
        }
        return out;
    }
}
