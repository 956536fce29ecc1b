package dev.underway.rehearse;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.Redaction;
import dev.underway.dialect.SessionProbe;
import dev.underway.lint.StatementAnalysis;
import dev.underway.migration.ErrorKind;
import dev.underway.migration.PendingMigration;
import dev.underway.migration.SqlStatement;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import dev.underway.observe.RetryAttempt;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Watches the executor run the rehearsed migrations: for every statement, when it ran on the load's
 * clock, the locks its session held once it ran, what it waited for (sampled from a second
 * session), retries, and which tables and indexes got new storage. Reads only.
 */
final class StepRecorder implements MigrationListener, PhaseListener, AutoCloseable {
    private final Dialect dialect;
    private final SessionProbe probe;
    private final String schema;
    private final LongSupplier clock;
    private final Map<String, StatementAnalysis> analyses;
    private final LockSampler sampler;
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final List<Step> order = new ArrayList<>();
    private String phase;
    /** The migration whose transaction the next statements run in; null when they run alone. */
    private String transaction;
    private Step action;
    private int statementsInAction;
    private Connection idOf;
    private long sessionId;
    private Step current;

    /**
     * @param analyses lint analyses of the rehearsed SQL statements by {@code script:line}
     * @param observer a second connection for sampling waits; closed with this recorder
     */
    StepRecorder(Dialect dialect, String schema, LongSupplier clock, Map<String, StatementAnalysis> analyses,
                 Connection observer) {
        this.dialect = dialect;
        this.probe = dialect.sessionProbe();
        this.schema = schema;
        this.clock = clock;
        this.analyses = analyses;
        this.sampler = new LockSampler(probe, observer);
    }

    /** The phase of the declarative migration about to run ({@code start}, {@code complete}), or null for SQL. */
    void phase(String p) {
        phase = p;
    }

    List<Step> steps() {
        return List.copyOf(order);
    }

    @Override
    public void migrationStarting(PendingMigration m, boolean transactional) {
        transaction = transactional ? m.label() : null;
    }

    @Override
    public void beforeStatement(PendingMigration m, SqlStatement s, Connection session) {
        sampler.stop();
        Step step = steps.computeIfAbsent(m.script().script() + ":" + s.line() + ":" + phase, k -> {
            Step n = new Step(m.label(), m.script().script(), s.line(), phase, s.sql());
            n.analysis = phase == null ? analyses.get(m.script().script() + ":" + s.line()) : null;
            n.transaction = phase == null ? transaction : null;
            order.add(n);
            return n;
        });
        current = step;
        statementsInAction++;
        try {
            step.storageBefore = probe.storage(session, schema);
            step.locksBefore = probe.heldBySelf(session);
            step.startNanos = clock.getAsLong();
            sampler.start(sessionId(session));
        } catch (SQLException e) {
            step.observationError = describe(e);
        }
    }

    @Override
    public void afterStatement(PendingMigration m, SqlStatement s, Connection session) {
        Step step = current;
        if (step == null) {
            return;
        }
        step.endNanos = clock.getAsLong();
        sampler.stop();
        step.waitNanos += sampler.waitedNanos();
        step.waitedFor.addAll(sampler.waitedFor());
        step.sampledLocks = sampler.held();
        step.error = null;
        try {
            step.locksAfter = probe.heldBySelf(session);
            step.storageAfter = probe.storage(session, schema);
        } catch (SQLException e) {
            step.observationError = describe(e);
        }
        current = null;
    }

    @Override
    public void attemptFailed(PendingMigration m, RetryAttempt attempt) {
        sampler.stop();
        Step step = current;
        if (step == null) {
            return;
        }
        step.endNanos = clock.getAsLong();
        step.retries++;
        if (attempt.kind() == ErrorKind.LOCK_TIMEOUT) {
            step.waitNanos += attempt.waited().toNanos();
            step.waitedFor.addAll(sampler.waitedFor());
        }
        if (attempt.givingUp()) {
            step.error = attempt.describe();
        }
    }

    @Override
    public void migrationFailed(PendingMigration m, SqlStatement s, String message) {
        sampler.stop();
        if (current != null) {
            current.endNanos = clock.getAsLong();
            current.error = message;
            current = null;
        }
    }

    @Override
    public void actionStarting(String migration, String p, int number, int total, String description) {
        action = new Step("V" + migration, null, 0, p, description);
        action.startNanos = clock.getAsLong();
        statementsInAction = 0;
    }

    /** An action that ran no statement of its own (a backfill) is a step of its own. */
    @Override
    public void actionFinished(String migration, String p, int number, int total, long millis) {
        if (action != null && statementsInAction == 0) {
            action.endNanos = clock.getAsLong();
            order.add(action);
        }
        action = null;
    }

    private long sessionId(Connection session) throws SQLException {
        if (session != idOf) {
            sessionId = dialect.blockers().sessionId(session);
            idOf = session;
        }
        return sessionId;
    }

    private static String describe(SQLException e) {
        return Redaction.message(e);
    }

    @Override
    public void close() {
        sampler.close();
    }

    /** What was seen of one statement; turned into a {@link StepReport} once the load's recording exists. */
    static final class Step {
        final String migration;
        final String file;
        final int line;
        final String phase;
        final String sql;
        StatementAnalysis analysis;
        /** The migration whose transaction it ran in; null when it ran alone. */
        String transaction;
        List<SessionProbe.Storage> storageBefore = List.of();
        List<SessionProbe.Storage> storageAfter = List.of();
        List<SessionProbe.Lock> locksBefore = List.of();
        List<SessionProbe.Lock> locksAfter = List.of();
        /** Locks seen held while it ran, from the second session. */
        List<SessionProbe.Lock> sampledLocks = List.of();
        final List<String> waitedFor = new ArrayList<>();
        long startNanos;
        long endNanos;
        long waitNanos;
        int retries;
        String error;
        String observationError;

        Step(String migration, String file, int line, String phase, String sql) {
            this.migration = migration;
            this.file = file;
            this.line = line;
            this.phase = phase;
            this.sql = sql;
        }
    }
}
