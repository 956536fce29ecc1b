package dev.underway;

import dev.underway.backfill.Backfill;
import dev.underway.backfill.BackfillPlan;
import dev.underway.config.ConnectionFailure;
import dev.underway.config.ConnectionSettings;
import dev.underway.config.ConnectionSource;
import dev.underway.config.UnderwayConfig;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Redaction;
import dev.underway.exec.Baseline;
import dev.underway.exec.Database;
import dev.underway.exec.Migrator;
import dev.underway.exec.Repair;
import dev.underway.exec.Workspace;
import dev.underway.expand.DirectoryMigration;
import dev.underway.expand.ExpandContract;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.load.LoadGenerator;
import dev.underway.load.LoadSpec;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.BackfillState;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigratePlan;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.OnlineExecution;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.LoadListener;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import dev.underway.plan.MigrationStates;
import dev.underway.rehearse.Rehearsal;
import dev.underway.report.LintOptions;
import dev.underway.report.LintReport;
import dev.underway.report.LoadRequest;
import dev.underway.report.LoadSummary;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import dev.underway.report.TracedStatement;
import dev.underway.state.StateLocation;
import dev.underway.trace.MigrationTracer;
import dev.underway.trace.ScratchDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The library's entry point: one target database, one migration directory, and the commands
 * that work on them.
 *
 * <pre>{@code
 * try (Underway uw = Underway.builder().dataSource(pool).directory(Path.of("db/migration")).build()) {
 *     uw.migrate();
 * }
 * }</pre>
 *
 * Every command takes its connections from the builder's {@link Builder#dataSource(DataSource) data source} (or
 * opens them through the JDBC driver from {@link Builder#url(String) url}, user and password) and returns them when
 * it ends; the migration lock holds a connection of its own for the whole run. The server's dialect is detected
 * once per instance. {@link #close()} never closes the caller's data source.
 */
public final class Underway implements AutoCloseable {
    private final Function<ConnectionSettings, UnderwayConfig> configure;
    private final DataSource dataSource;
    private final MigrationListener listener;
    private UnderwayConfig config;
    private boolean closed;

    private Underway(Builder b) {
        this.configure = b.copy()::config;
        this.dataSource = b.dataSource;
        this.listener = b.listener;
        if (dataSource == null || b.url != null) {
            this.config = b.config(b.settings());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings of every command. With a data source and no URL, the first call takes one connection from it to
     * learn the URL (and so the engine) its connections lead to.
     */
    public synchronized UnderwayConfig config() {
        if (closed) {
            throw new IllegalStateException("this Underway is closed");
        }
        if (config == null) {
            config = configure.apply(ConnectionSettings.of(dataSource, null, null, null));
        }
        return config;
    }

    /**
     * Ends this instance: later commands throw {@link IllegalStateException}. It holds no connection between
     * commands and never closes the caller's data source, which stays open and usable.
     */
    @Override
    public synchronized void close() {
        closed = true;
    }

    /**
     * Applies every pending migration (up to the target), exactly once, under one migration lock held for the
     * whole run; declarative (YAML) migrations in the directory are started in version order.
     */
    public MigrateResult migrate() {
        return migrate(MigrateOptions.defaults());
    }

    /**
     * migrate on a directory that may hold declarative (YAML) migrations too: they run in one version
     * order with the SQL ones, under one migration lock; YAML migrations are started, and with
     * {@link MigrateOptions#complete()} also completed.
     */
    public MigrateResult migrate(MigrateOptions options) {
        return new DirectoryMigration(config(), listener, options.phases()).migrate(options.complete());
    }

    /** What {@link #migrate()} would run, without taking a lock or changing anything. */
    public MigratePlan plan() {
        return plan(MigrateOptions.defaults());
    }

    /**
     * What {@link #migrate(MigrateOptions)} would run, without taking a lock or changing anything: one plan
     * whose steps are the SQL migrations and the phases of declarative (YAML) migrations, in the order migrate
     * takes them.
     */
    public MigratePlan plan(MigrateOptions options) {
        return new DirectoryMigration(config(), listener, PhaseListener.NONE).plan(options.complete());
    }

    /** The state of every migration. Reads only. */
    public Info info() {
        return info(Workspace.open(config()), true);
    }

    /**
     * The history as recorded, for a machine without the migration directory: the files are not read, so
     * {@link Info#migrations()} lists the history's rows (applied or failed) and {@link Info#errors()} has what
     * validate then finds, as Flyway does: every applied migration's file counts as missing.
     */
    public Info infoWithoutFiles() {
        return info(Workspace.openWithoutFiles(config()), false);
    }

    private Info info(Workspace w, boolean filesRead) {
        return info(w, filesRead, states -> { });
    }

    private Info info(Workspace w, boolean filesRead, java.util.function.Consumer<MigrationStates> check) {
        try (Connection c = w.db().open()) {
            List<HistoryRow> rows = w.history().load(c);
            MigrationStates states = MigrationStates.compute(w.dir(), rows,
                    new MigrationStates.Options(config().outOfOrder(), config().target()));
            check.accept(states);
            List<MigrationInfo> migrations = filesRead
                    ? states.infos()
                    : rows.stream().map(MigrationInfo::recorded).toList();
            return new Info(w.db().dialect().describe(), w.db().targetSchema(), Migrator.currentVersion(rows),
                    migrations, states.problems().stream().map(MigrationStates.Problem::message).toList());
        } catch (SQLException e) {
            throw w.failure("reading the history", e);
        }
    }

    /** Throws a validation error (exit code 4) when the directory and the history disagree. */
    public Info validate() {
        return info(Workspace.open(config()), true, states -> {
            if (!states.problems().isEmpty()) {
                throw states.invalid("validation failed");
            }
        });
    }

    public HistoryRow baseline(MigrationVersion version, String description) {
        return new Baseline(Workspace.open(config()), listener).atVersion(version, description);
    }

    public List<HistoryRow> baselineFromFlyway(String flywayTable) {
        return new Baseline(Workspace.open(config()), listener).fromFlyway(flywayTable);
    }

    public Repair.Result repair() {
        return new Repair(Workspace.open(config()), listener).run();
    }

    /**
     * Runs a batched, resumable data change (see {@link BackfillRequest}); progress goes to
     * {@code backfillListener}. Independent of the migration directory and lock.
     */
    public BackfillResult backfill(BackfillRequest request, BackfillListener backfillListener) {
        return new Backfill(config()).run(request, backfillListener == null ? BackfillListener.NONE : backfillListener);
    }

    /** The checked plan of a backfill; changes nothing. */
    public BackfillPlan backfillPlan(BackfillRequest request) {
        return new Backfill(config()).plan(request);
    }

    /**
     * Pauses (or continues) a backfill that another process runs, by table or by name; it waits at its next
     * throttle check.
     */
    public void pauseBackfill(BackfillRef backfill, boolean paused) {
        new Backfill(config()).pause(backfill, paused);
    }

    /** The recorded state of a backfill (by table or by name), if any. */
    public Optional<BackfillState> backfillStatus(BackfillRef backfill) {
        return new Backfill(config()).status(backfill);
    }

    /**
     * Declarative (YAML) expand/contract migrations: start, complete, rollback and status (PostgreSQL).
     * Progress of each phase goes to {@code phases}, backfill progress to {@code backfills}.
     */
    public Phases expandContract(PhaseListener phases, BackfillListener backfills) {
        return new Phases(new ExpandContract(config(), listener, phases == null ? PhaseListener.NONE : phases,
                backfills == null ? BackfillListener.NONE : backfills));
    }

    /**
     * Lints the migration directory for this target's engine and version (detected once per instance): the
     * findings of every SQL migration. Changes nothing.
     */
    public LintReport lint() {
        return lint(config().directory(), LintOptions.DEFAULT);
    }

    /** Lints a migration directory or one SQL file for this target's engine and version. Changes nothing. */
    public LintReport lint(Path path, LintOptions options) {
        Dialect dialect = config().connection().detectDialect();
        return new Linter(dialect, options).lint(LintInput.load(path, path.toString(), dialect.syntax()));
    }

    /**
     * Runs each statement of the SQL migrations in {@code path} (a directory or one file) on a disposable
     * database created beside the target and dropped afterwards (PostgreSQL only; needs the right to create
     * databases), and records the locks each really takes, whether it rewrites and what it scans, beside lint's
     * static verdict.
     */
    public List<TracedStatement> trace(Path path) {
        ConnectionSettings target = config().connection();
        MigrationTracer.requirePostgres(target.kind());
        Dialect dialect = target.detectDialect();
        List<LintInput> inputs = LintInput.load(path, path.toString(), dialect.syntax());
        try (ScratchDatabase scratch = ScratchDatabase.create(target); Connection session = scratch.open()) {
            return new MigrationTracer(new Linter(dialect, LintOptions.DEFAULT), scratch::open).traceAll(session, inputs);
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.DATABASE_ERROR, "database error while tracing " + path + " on "
                    + target.redactedUrl() + ": " + target.describe(e), e);
        }
    }

    /**
     * Rehearses the migrations of {@code request} on this target under a synthetic load and reports their
     * locks, stalls and timings. The target must be a disposable database: the rehearsal fills it with data.
     *
     * @param progress one line per stage, for humans (null: none)
     */
    public RehearsalReport rehearse(RehearsalRequest request, Consumer<String> progress) {
        return new Rehearsal(config().connection(), config().schema(), config().state(), request, progress).run();
    }

    /**
     * Runs a simulated application against tables of the target schema for {@link LoadRequest#duration()}: its
     * clients do point reads, inserts and updates at the request's rate, and every query's latency and error is
     * recorded. Inserts and updates change the tables. A stop request ({@link Interruption#process()}) ends the run
     * early; the summary then covers what ran.
     *
     * @param listener told when the clients connect and what ended in each second (null: nothing)
     * @return latency, errors by SQLSTATE and the longest stall of the whole run, and of each kind of query
     * @throws UnderwayException {@link Reason#CONNECTION_FAILED} when the target cannot be reached,
     *                           {@link Reason#BAD_OPTION} for no table, clients outside 1 to 1000 or a negative rate,
     *                           {@link Reason#NO_SUCH_OBJECT} for a table that does not exist
     */
    public LoadSummary load(LoadRequest request, LoadListener listener) {
        ConnectionSettings connection = config().connection();
        Database db = Database.connect(connection, config().schema());
        LoadSpec spec = new LoadSpec(connection, db.targetSchema(), request.tables(), request.clients(),
                request.ratePerSecond(), request.mix(), request.seed());
        LoadListener to = listener == null ? LoadListener.NONE : listener;
        to.started(db.dialect().describe(), db.targetSchema());
        return LoadGenerator.run(spec, request.duration(), to);
    }

    /**
     * A failure from outside Underway's own steps (a driver's or a pool's exception that reached the caller) as an
     * {@link UnderwayException}, the way Underway reports its own: one as it is; while a stop is requested
     * ({@link Interruption#process()}), {@link Reason#INTERRUPTED} with the exception's message; a failure to open a
     * connection anywhere in its causes, {@link Reason#CONNECTION_FAILED} naming the server, database and user and
     * what to check. Messages carry no password. Empty for anything else, which is a bug worth reporting.
     */
    public static Optional<UnderwayException> explain(Throwable e) {
        if (e instanceof UnderwayException u) {
            return Optional.of(u);
        }
        if (Interruption.process().requested()) {
            // A signal cut short something outside Underway's own steps (a driver, an embedded server): not a bug.
            return Optional.of(UnderwayException.of(Reason.INTERRUPTED, "interrupted (" + Interruption.process().reason()
                    + "): " + Redaction.message(e), e));
        }
        SQLException connecting = ConnectionFailure.in(e);
        if (connecting == null) {
            return Optional.empty();
        }
        // The database could not be reached: its message says where and what to do.
        return Optional.of(UnderwayException.of(Reason.CONNECTION_FAILED, connecting instanceof ConnectionFailure f
                ? f.template() : "cannot connect: " + Redaction.describe(connecting, List.of()), e));
    }

    /**
     * The result of info and validate.
     *
     * @param currentVersion highest applied version, or null
     * @param errors         validation errors (empty when valid), as message templates (see {@link Setting})
     */
    public record Info(String database, String targetSchema, MigrationVersion currentVersion,
                       List<MigrationInfo> migrations, List<String> errors) {
        /** The validation errors, for a library caller. */
        @Override
        public List<String> errors() {
            return errors(Audience.LIBRARY);
        }

        /** The validation errors, with remedies naming settings for the reader. */
        public List<String> errors(Audience audience) {
            return errors.stream().map(e -> Setting.render(e, audience)).toList();
        }
    }

    /** Builds an {@link Underway}; only the URL is required. */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private Duration connectTimeout = ConnectionSettings.DEFAULT_CONNECT_TIMEOUT;
        private String schema;
        private Path directory;
        private StateLocation state = StateLocation.DEFAULT;
        private Duration lockWait;
        private boolean outOfOrder;
        private MigrationVersion target;
        private boolean unsafe;
        private MigrationListener listener = MigrationListener.NONE;
        private OnlineExecution online = OnlineExecution.DEFAULTS;

        /**
         * Take every connection from this data source (a pool, typically) instead of opening them from url, user and
         * password; Underway never closes it. The URL, when not given too, is the one its connections report.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** How long opening a connection may take, login included (default 10s; zero: no limit). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The schema (PostgreSQL) or database (MySQL) to migrate; default: the connection's. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder state(StateLocation state) {
            this.state = state == null ? StateLocation.DEFAULT : state;
            return this;
        }

        public Builder lockWait(Duration lockWait) {
            this.lockWait = lockWait;
            return this;
        }

        public Builder outOfOrder(boolean outOfOrder) {
            this.outOfOrder = outOfOrder;
            return this;
        }

        public Builder target(MigrationVersion target) {
            this.target = target;
            return this;
        }

        /** Apply migrations even when the lint gate finds errors in them. */
        public Builder unsafe(boolean unsafe) {
            this.unsafe = unsafe;
            return this;
        }

        /** Lock and statement timeouts, retries and killing idle blockers, all at once. */
        public Builder online(OnlineExecution online) {
            this.online = online == null ? OnlineExecution.DEFAULTS : online;
            return this;
        }

        /** How long a statement taking a strong lock may wait for it before retrying (default 1s, first attempts less). */
        public Builder lockTimeout(Duration lockTimeout) {
            return online(online.withLockTimeout(lockTimeout));
        }

        /** How long one statement or migration transaction keeps retrying after lock timeouts (default 10m). */
        public Builder lockRetryFor(Duration lockRetryFor) {
            return online(online.withLockRetryFor(lockRetryFor));
        }

        /** The statement timeout of brief catalog changes (default 1m; zero: none). */
        public Builder statementTimeout(Duration statementTimeout) {
            return online(online.withStatementTimeout(statementTimeout));
        }

        /** The statement timeout of long non-blocking work such as concurrent index builds (default: none). */
        public Builder longStatementTimeout(Duration longStatementTimeout) {
            return online(online.withLongStatementTimeout(longStatementTimeout));
        }

        /** On MySQL/MariaDB, append the online ALGORITHM/LOCK clause the classifier allows (default true). */
        public Builder appendOnlineClause(boolean append) {
            return online(online.withAppendOnlineClause(append));
        }

        /** After retrying this long, end sessions that block while idle in a transaction (default: never). */
        public Builder killBlockersAfter(Duration killBlockersAfter) {
            return online(online.withKillBlockersAfter(killBlockersAfter));
        }

        public Builder listener(MigrationListener listener) {
            this.listener = listener == null ? MigrationListener.NONE : listener;
            return this;
        }

        public Underway build() {
            return new Underway(this);
        }

        /** The settings as they are now: a later change to this builder does not reach an instance built already. */
        private Builder copy() {
            Builder c = new Builder();
            c.dataSource = dataSource;
            c.url = url;
            c.user = user;
            c.password = password;
            c.connectTimeout = connectTimeout;
            c.schema = schema;
            c.directory = directory;
            c.state = state;
            c.lockWait = lockWait;
            c.outOfOrder = outOfOrder;
            c.target = target;
            c.unsafe = unsafe;
            c.listener = listener;
            c.online = online;
            return c;
        }

        private ConnectionSettings settings() {
            return new ConnectionSettings(url, user, password, connectTimeout,
                    dataSource == null ? ConnectionSource.driver() : ConnectionSource.of(dataSource));
        }

        private UnderwayConfig config(ConnectionSettings connection) {
            ConnectionSettings c = dataSource == null || url != null ? connection
                    : new ConnectionSettings(connection.url(), user, password, connectTimeout, connection.source());
            return new UnderwayConfig(c, schema, directory, state, lockWait, outOfOrder, target, unsafe, online);
        }
    }
}
