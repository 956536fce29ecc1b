package dev.underway.backfill;

import dev.underway.BackfillRef;
import dev.underway.ErrorCode;
import dev.underway.Interruption;
import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.config.ConnectionSettings;
import dev.underway.config.UnderwayConfig;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Privilege;
import dev.underway.exec.Database;
import dev.underway.exec.PrivilegeCheck;
import dev.underway.migration.BackfillCheckpoint;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.BackfillState;
import dev.underway.migration.BackfillStatus;
import dev.underway.migration.QualifiedName;
import dev.underway.migration.ResumeMode;
import dev.underway.observe.BackfillListener;
import dev.underway.state.BackfillStateTable;
import dev.underway.wait.LockWait;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs backfills on one target database: plans the request, takes the backfill's session lock
 * (one run per backfill name at a time), decides from the checkpoint where to start, and runs
 * the plan on a session of its own. Also pauses and continues backfills run by other processes.
 */
public final class Backfill {
    private static final Duration LOCK_GRACE = Duration.ofSeconds(5);
    private static final Duration LOCK_POLL = Duration.ofMillis(100);

    private final UnderwayConfig config;
    private final Database db;
    private final BackfillStateTable state;

    public Backfill(UnderwayConfig config) {
        this.config = config;
        this.db = Database.connect(config.connection(), config.schema(), config.state(), config.audience());
        this.state = new BackfillStateTable(db.dialect(), db.state().table("backfills"));
    }

    public Dialect dialect() {
        return db.dialect();
    }

    /** Before the plan tries the change on the table (rolled back) and anything is recorded. */
    private void requirePrivileges(Connection c, BackfillRequest request) throws SQLException {
        QualifiedName table = planner().table(c, request).name();
        PrivilegeCheck.of("backfill", db).stateTable(state.name(), "SELECT", "INSERT", "UPDATE")
                .need(new Privilege.OnTable(table, "SELECT", "to read its keys"))
                .need(new Privilege.OnTable(table, "UPDATE", "to change its rows")).require(c);
    }

    /** The checked plan; writes nothing. */
    public CheckedBackfill plan(BackfillRequest request) {
        try (Connection c = db.open()) {
            requirePrivileges(c, request);
            return planner().plan(c, request);
        } catch (SQLException e) {
            throw failure("planning the backfill of " + request.table(), e);
        }
    }

    public BackfillResult run(BackfillRequest request, BackfillListener listener) {
        List<Connection> replicas = new ArrayList<>();
        try (Connection c = db.open(); Connection session = db.open()) {
            requirePrivileges(c, request);
            CheckedBackfill plan = planner().plan(c, request);
            // Replicas and the probe are checked before anything is recorded, so bad flags leave no state behind.
            List<Connection> lagSessions = lagSessions(request, c, replicas);
            ThrottleProbe probe = request.throttleQuery() == null ? null
                    : new ThrottleProbe(db.dialect(), request.throttleQuery());
            if (probe != null) {
                probe.read(session);
            }
            String lockName = "underway:backfill:" + state.name() + ":" + plan.name();
            if (!lock(session, lockName)) {
                throw UnderwayException.of(Reason.LOCK_NOT_ACQUIRED, "backfill " + plan.name() + " is already running in another session ("
                        + db.dialect().sessionLocks().holder(session, lockName).orElse("unknown") + "); wait for it, or"
                        + " pause it " + Setting.either("with underway backfill --pause", "with pauseBackfill"));
            }
            state.create(session);
            Optional<BackfillState> previous = state.load(session, plan.name());
            BackfillCheckpoint from = startingPoint(session, plan, previous);
            if (from == null) {
                return finishedEarlier(plan, previous.get());
            }
            boolean resumed = previous.isPresent() && request.resume() == ResumeMode.RESUME;
            return execute(c, session, plan, from, resumed, resumed ? previous.get().catchUpSkipped() : null,
                    lagSessions, probe, listener);
        } catch (SQLException e) {
            throw failure("running the backfill of " + request.table(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Interruption.process().check("The backfill of " + request.table(), "Its checkpoint is kept; run it again"
                    + " with " + Setting.BACKFILL_RESUME.ref() + ".");
            throw UnderwayException.of(Reason.CANCELLED, "the backfill of " + request.table() + " was interrupted; the checkpoint is"
                    + " kept, run again with " + Setting.BACKFILL_RESUME.ref(), e);
        } finally {
            for (Connection replica : replicas) {
                closeQuietly(replica);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

    /** @param catchUpSkipped an earlier run's reason to skip catch-up passes, which this run keeps; or null */
    private BackfillResult execute(Connection c, Connection session, CheckedBackfill plan, BackfillCheckpoint from,
                                   boolean resumed, String catchUpSkipped, List<Connection> lagSessions,
                                   ThrottleProbe probe, BackfillListener listener)
            throws SQLException, InterruptedException {
        BackfillRequest r = plan.request();
        try {
            db.dialect().batches().prepareSession(c, r.effectiveLockTimeout(), r.statementTimeout());
            Throttles throttles = new Throttles(r, plan.name(), session, state, db.dialect().replicaLag(), lagSessions,
                    probe, config.audience());
            listener.started(plan.name(), plan.table().toString(), plan.estimatedRows(), resumed, plan.sampleSql());
            BackfillResult result = new BackfillRunner(db.dialect(), plan, state, throttles, listener, catchUpSkipped)
                    .run(c, from, resumed);
            listener.finished(plan.name(), result.rowsChanged(), result.took());
            if (result.converged() == Boolean.FALSE) {
                state.status(session, plan.name(), BackfillStatus.NOT_CONVERGED, "rows still differed from their"
                        + " expressions after " + result.catchUpPasses() + " catch-up passes");
            } else {
                state.status(session, plan.name(), BackfillStatus.DONE, result.catchUpSkipped() == null ? null
                        : BackfillState.CATCH_UP_SKIPPED + result.catchUpSkipped());
            }
            return result;
        } catch (SQLException | RuntimeException | InterruptedException e) {
            try {
                // Stopped on request is not failed: nothing is wrong with the change, and --resume continues it.
                boolean interrupted = e instanceof UnderwayException u && u.code() == ErrorCode.INTERRUPTED;
                state.status(session, plan.name(), interrupted ? BackfillStatus.INTERRUPTED : BackfillStatus.FAILED,
                        e instanceof SQLException sql ? db.settings().describe(sql) : e.getMessage());
            } catch (SQLException ignored) {
                // The run failed already; its checkpoint is what matters and it is committed.
            }
            throw e;
        }
    }

    /**
     * Takes the backfill's session lock, waiting a few seconds at most: long enough for the server
     * to notice that a killed run's session is gone, short enough to report a live run at once.
     */
    private boolean lock(Connection session, String lockName) throws SQLException, InterruptedException {
        Duration grace = config.lockWait().compareTo(LOCK_GRACE) < 0 ? config.lockWait() : LOCK_GRACE;
        return LockWait.upTo(grace).pausing(LOCK_POLL)
                .acquire(() -> db.dialect().sessionLocks().tryLock(session, lockName));
    }

    /** Where to start, or null when a resumed backfill had finished already. */
    private BackfillCheckpoint startingPoint(Connection session, CheckedBackfill plan, Optional<BackfillState> previous)
            throws SQLException {
        ResumeMode mode = plan.request().resume();
        if (previous.isPresent() && mode != ResumeMode.RESTART) {
            BackfillState p = previous.get();
            if (mode == ResumeMode.NEW) {
                throw UnderwayException.of(Reason.CHECKPOINT_EXISTS, "backfill " + plan.name() + (p.isDone() ? " already finished on "
                        + p.updatedOn() : " was interrupted" + (p.status() == BackfillStatus.INTERRUPTED ? ""
                        : " (" + p.status() + ")") + " after " + p.checkpoint().rowsDone()
                        + " rows of its " + p.passName() + ", " + p.position()) + "; pass " + Setting.BACKFILL_RESUME.ref() + " to continue it or "
                        + Setting.BACKFILL_RESTART.ref() + " to start it over");
            }
            if (!p.change().equals(plan.change()) || !same(p.predicate(), plan.predicate())) {
                throw UnderwayException.of(Reason.CHECKPOINT_MISMATCH, "backfill " + plan.name() + " was checkpointed with SET " + p.change()
                        + (p.predicate() == null ? "" : " WHERE " + p.predicate()) + "; resume it with the same "
                        + Setting.BACKFILL_SET.ref() + " and " + Setting.BACKFILL_WHERE.ref() + ", or pass "
                        + Setting.BACKFILL_RESTART.ref() + " to start the new change over");
            }
            if (p.isDone()) {
                return null;
            }
            state.status(session, plan.name(), BackfillStatus.RUNNING, p.catchUpSkipped() == null ? null
                    : BackfillState.CATCH_UP_SKIPPED + p.catchUpSkipped());
            return p.checkpoint();
        }
        state.start(session, new BackfillState(plan.name(), plan.table().schema(), plan.table().name(), plan.change(),
                plan.predicate(), BackfillStatus.RUNNING, BackfillCheckpoint.START, plan.estimatedRows(), false, null,
                null, null, false));
        return BackfillCheckpoint.START;
    }

    private static BackfillResult finishedEarlier(CheckedBackfill plan, BackfillState p) {
        BackfillCheckpoint cp = p.checkpoint();
        return new BackfillResult(plan.name(), plan.table().toString(), 0, cp.rowsChanged(), cp.batches(), 0, null,
                null, 0, 0, 0, java.time.Duration.ZERO, true, true);
    }

    /** PostgreSQL reads standby lag on the primary; MySQL/MariaDB replicas report it themselves. */
    private List<Connection> lagSessions(BackfillRequest r, Connection primary, List<Connection> opened) throws SQLException {
        if (r.maxReplicaLag() == null) {
            return List.of();
        }
        if (!db.dialect().kind().isMySqlFamily()) {
            return List.of(primary);
        }
        if (r.replicaUrls().isEmpty()) {
            throw UnderwayException.of(Reason.BAD_OPTION, Setting.MAX_REPLICA_LAG.ref() + " on " + db.dialect().describe() + " needs "
                    + Setting.REPLICA_URL.ref() + " for"
                    + " each replica to watch: MySQL and MariaDB replicas report their own lag");
        }
        ConnectionSettings main = config.connection();
        for (String url : r.replicaUrls()) {
            ConnectionSettings replica = main.withUrl(url);
            boolean replicating;
            try {
                Connection c = replica.open();
                opened.add(c);
                replicating = db.dialect().replicaLag().lag(c).isPresent();
            } catch (SQLException e) {
                throw UnderwayException.of(Reason.CONNECTION_FAILED, "cannot read the replication status of " + Setting.REPLICA_URL.ref() + " "
                        + replica.redactedUrl() + ": " + replica.describe(e));
            }
            // A server without replication status would never throttle: most likely the primary by mistake.
            if (!replicating) {
                throw UnderwayException.of(Reason.BAD_OPTION, Setting.REPLICA_URL.ref() + " " + replica.redactedUrl() + " is not a replica: SHOW"
                        + " REPLICA STATUS returns no row there, so its lag could never pause the backfill. Give the"
                        + " URL of each replica of this database");
            }
        }
        return opened;
    }

    /** Sets or clears the pause flag of a backfill that another process runs (or will resume). */
    public void pause(BackfillRef ref, boolean paused) {
        pause(candidateNames(ref), ref.label(), paused);
    }

    private void pause(List<String> candidates, String tableOrName, boolean paused) {
        try (Connection c = db.open()) {
            for (String name : candidates) {
                if (state.pause(c, name, paused)) {
                    return;
                }
            }
            throw UnderwayException.of(Reason.NO_CHECKPOINT, "no backfill of " + tableOrName + " is recorded in " + state.name()
                    + "; start one " + Setting.either("with underway backfill --table " + tableOrName + " --set ...",
                    "with backfill(BackfillRequest.builder(\"" + tableOrName + "\")...)"));
        } catch (SQLException e) {
            throw failure((paused ? "pausing" : "continuing") + " the backfill of " + tableOrName, e);
        }
    }

    /** The recorded state of the backfill {@code ref} means, if any. */
    public Optional<BackfillState> status(BackfillRef ref) {
        return status(candidateNames(ref), ref.label());
    }

    private Optional<BackfillState> status(List<String> candidates, String tableOrName) {
        try (Connection c = db.open()) {
            for (String name : candidates) {
                Optional<BackfillState> s = state.load(c, name);
                if (s.isPresent()) {
                    return s;
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw failure("reading the backfill state of " + tableOrName, e);
        }
    }

    /** A name is recorded as given; a table's backfill under {@code schema.table}, the configured schema by default. */
    private List<String> candidateNames(BackfillRef ref) {
        if (ref instanceof BackfillRef.Table t) {
            return candidateNames(t.schema() != null ? t.schema() : config.schema(), t.table());
        }
        return List.of(ref.label());
    }

    /** A backfill is named by {@code schema.table} unless given a name; try what the user may have meant. */
    private List<String> candidateNames(String schema, String tableOrName) {
        String qualified = schema != null ? schema + "." + tableOrName
                : tableOrName.contains(".") ? tableOrName : db.targetSchema() + "." + tableOrName;
        return List.of(qualified, qualified.toLowerCase(Locale.ROOT), tableOrName);
    }

    private BackfillPlanner planner() {
        return new BackfillPlanner(db.dialect(), db.targetSchema());
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private UnderwayException failure(String doing, SQLException e) {
        return UnderwayException.of(Reason.DATABASE_ERROR, "database error while " + doing + " on " + db.settings().redactedUrl() + ": "
                + db.settings().describe(e), e);
    }
}
