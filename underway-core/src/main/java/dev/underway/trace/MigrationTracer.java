package dev.underway.trace;

import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.dialect.DatabaseKind;
import dev.underway.lint.FileAnalysis;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.lint.StatementAnalysis;
import dev.underway.report.Observation;
import dev.underway.report.TracedStatement;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Traces migrations in order on a scratch PostgreSQL: each statement runs on a database that
 * holds the schema of everything before it, and its observation is compared with its static
 * verdict. PostgreSQL only: MySQL/MariaDB would need {@code performance_schema.metadata_locks}
 * (MariaDB: the {@code metadata_lock_info} plugin) for locks and a table-id or
 * {@code ALGORITHM=INSTANT}/{@code INPLACE} trial for the algorithm.
 */
public final class MigrationTracer {
    private static final Set<StatementKind> DML = Set.of(StatementKind.INSERT, StatementKind.UPDATE,
            StatementKind.DELETE, StatementKind.SELECT);

    private final Linter linter;
    private final StatementTracer tracer;

    public MigrationTracer(Linter linter, StatementTracer.ConnectionSource connections) {
        requirePostgres(linter.dialect().kind());
        this.linter = linter;
        this.tracer = new StatementTracer(connections);
    }

    /** Refuses a target other than PostgreSQL, saying what tracing MySQL/MariaDB would need. */
    public static void requirePostgres(DatabaseKind kind) {
        if (kind != DatabaseKind.POSTGRESQL) {
            throw UnderwayException.of(Reason.UNSUPPORTED, "trace works on PostgreSQL only: MySQL/MariaDB would need "
                    + "performance_schema.metadata_locks (MariaDB: the metadata_lock_info plugin) to observe locks");
        }
    }

    /** Traces files in order on {@code session}; {@code schema} carries the context from earlier files. */
    public List<TracedStatement> trace(Connection session, LintInput file, SchemaModel schema) throws SQLException {
        FileAnalysis analysis = linter.analyze(file, schema);
        List<TracedStatement> out = new ArrayList<>();
        for (StatementAnalysis a : analysis.statements()) {
            if (a.shape().is(StatementKind.TRANSACTION_CONTROL)) {
                out.add(new TracedStatement(file.file(), a.statement(), a.verdict(), null, List.of()));
                continue;
            }
            stopIfRequested(file, a, "before");
            boolean transactional = linter.dialect().transactions().whyNotInTransaction(a.statement()).isEmpty();
            Observation o;
            try {
                o = transactional ? tracer.traceInTransaction(session, a.statement().sql())
                        : tracer.traceOutsideTransaction(session, a.statement().sql(), blockerTable(a));
            } catch (SQLException e) {
                stopIfRequested(file, a, "at");
                throw e;
            }
            List<String> diffs = TraceComparison.differences(a.verdict(), o, !DML.contains(a.shape().kind()));
            out.add(new TracedStatement(file.file(), a.statement(), a.verdict(), o, diffs));
        }
        return out;
    }

    /** SIGINT/SIGTERM: the statement running now was cancelled; the caller drops the scratch database. */
    private static void stopIfRequested(LintInput file, StatementAnalysis a, String where) {
        Interruption.process().check("The trace", "It stopped " + where + " " + file.file() + ":" + a.statement().line()
                + "; its scratch database is dropped.");
    }

    /** The table a blocker should hold: the statement's own, or the first relation its verdict locks. */
    private static String blockerTable(StatementAnalysis a) {
        if (a.shape().table() != null) {
            return a.shape().table().name();
        }
        return a.verdict().locks().keySet().stream().findFirst().orElse(null);
    }

    /** Convenience: all files in order with a fresh schema model. */
    public List<TracedStatement> traceAll(Connection session, List<LintInput> files) throws SQLException {
        SchemaModel schema = new SchemaModel();
        List<TracedStatement> out = new ArrayList<>();
        for (LintInput f : files) {
            out.addAll(trace(session, f, schema));
        }
        return out;
    }
}
