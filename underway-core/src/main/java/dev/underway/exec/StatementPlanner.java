package dev.underway.exec;

import dev.underway.Durations;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.Dialect;
import dev.underway.lint.Linter;
import dev.underway.lint.StatementAnalysis;
import dev.underway.migration.ConcurrentIndex;
import dev.underway.migration.Directive;
import dev.underway.migration.ExecutableStatement;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.TimeoutClass;
import dev.underway.migration.Verdict;
import dev.underway.plan.LockTimeoutDirective;
import dev.underway.sql.shape.SchemaModel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a migration's statements into {@link ExecutableStatement}s: which timeouts guard each
 * one (from the classifier's verdict), and what the server receives: on MySQL/MariaDB an
 * operation the verdict knows can run online gets {@code ALGORITHM=INSTANT} or
 * {@code ALGORITHM=INPLACE, LOCK=NONE} appended, so the server refuses instead of silently
 * copying the table.
 */
public final class StatementPlanner {
    private final Dialect dialect;
    private final OnlineExecution online;
    /** For statements judged alone; made on first use (a phase plans dozens of them, a SQL file none). */
    private Linter linter;

    public StatementPlanner(Dialect dialect, OnlineExecution online) {
        this.dialect = dialect;
        this.online = online;
    }

    /**
     * Every statement of the file, with the verdicts the linter gave them in context; refuses a
     * bad {@code lock-timeout} directive or an unnamed concurrent index.
     */
    public List<ExecutableStatement> plan(MigrationScript script, List<StatementAnalysis> analyses) {
        Duration lockTimeout = lockTimeout(script);
        List<ExecutableStatement> planned = new ArrayList<>();
        for (SqlStatement s : script.sql().statements()) {
            Verdict verdict = s.index() < analyses.size() && analyses.get(s.index()).statement() == s
                    ? analyses.get(s.index()).verdict() : judgeAlone(s);
            ExecutableStatement e = plan(s, verdict, lockTimeout);
            if (e.concurrentIndex() != null && e.concurrentIndex().name() == null) {
                throw UnderwayException.of(Reason.REFUSED_STATEMENT, script.script() + ":" + s.line() + ": '" + s.preview(60) + "' builds an"
                        + " index concurrently without naming it. Name the index (CREATE INDEX CONCURRENTLY name ON ...):"
                        + " a failed concurrent build leaves an INVALID index behind, and Underway drops it by name").at(script.script(), s.line());
            }
            planned.add(e);
        }
        return planned;
    }

    /** A statement planned without the context of earlier migrations (operations that generate their own SQL). */
    public ExecutableStatement planAlone(SqlStatement s) {
        return plan(s, judgeAlone(s), online.lockTimeout());
    }

    ExecutableStatement plan(SqlStatement s, Verdict verdict, Duration lockTimeout) {
        TimeoutClass timeoutClass = TimeoutClass.of(verdict);
        Duration lock = dialect.timeoutPolicy().takesLockTimeout(timeoutClass)
                ? dialect.sessionTimeouts().effectiveLockTimeout(lockTimeout) : null;
        Duration statement = switch (timeoutClass) {
            case BRIEF_STRONG_LOCK -> online.statementTimeout();
            case LONG_NON_BLOCKING -> online.longStatementTimeout();
            case UNJUDGED, OTHER -> null;
        };
        ConcurrentIndex index = dialect.concurrentIndexes().builtBy(s).orElse(null);
        return new ExecutableStatement(s, withOnlineClause(s, verdict), verdict.lock(), timeoutClass, lock, statement, index);
    }

    /**
     * The statement with the verdict's online clause appended (MySQL/MariaDB only; the verdict
     * offers one only when the statement names no ALGORITHM or LOCK of its own).
     */
    private String withOnlineClause(SqlStatement s, Verdict verdict) {
        if (!online.appendOnlineClause() || verdict.onlineAlgorithm().isEmpty() || s.contains("PARTITION")) {
            return s.sql();
        }
        String clause = verdict.onlineAlgorithm().get();
        if (s.startsWith("ALTER")) {
            return s.sql() + ", " + clause;
        }
        // CREATE INDEX takes its algorithm and lock options separated by spaces, not commas.
        return s.sql() + " " + clause.replace(",", "");
    }

    private Verdict judgeAlone(SqlStatement s) {
        if (linter == null) {
            linter = new Linter(dialect, dev.underway.report.LintOptions.DEFAULT);
        }
        return linter.verdict(linter.classify(s), new SchemaModel());
    }

    /** The file's {@code -- underway:lock-timeout=...}, or the configured one. */
    private Duration lockTimeout(MigrationScript script) {
        LockTimeoutDirective.refusal(script.sql()).ifPresent(r -> {
            throw UnderwayException.of(Reason.REFUSED_STATEMENT, script.script() + ":" + r.line() + ": " + r.message()).at(script.script(), r.line());
        });
        return script.sql().directive(Directive.LOCK_TIMEOUT).map(d -> Durations.parse(d.argument()))
                .orElse(online.lockTimeout());
    }
}
