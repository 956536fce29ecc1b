package dev.underway;

import dev.underway.backfill.Backfill;
import dev.underway.config.ConnectionFailure;
import dev.underway.config.ConnectionSettings;
import dev.underway.config.ConnectionSource;
import dev.underway.config.UnderwayConfig;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
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
import dev.underway.lint.Rule;
import dev.underway.lint.Rules;
import dev.underway.lint.fix.Fixer;
import dev.underway.load.LoadGenerator;
import dev.underway.load.LoadSpec;
import dev.underway.migration.BackfillPlan;
import dev.underway.migration.BackfillRequest;
import dev.underway.migration.BackfillResult;
import dev.underway.migration.BackfillState;
import dev.underway.migration.HistoryRow;
import dev.underway.migration.MigratePlan;
import dev.underway.migration.MigrateResult;
import dev.underway.migration.MigrationInfo;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.OnlineExecution;
import dev.underway.migration.RepairResult;
import dev.underway.observe.BackfillListener;
import dev.underway.observe.LoadListener;
import dev.underway.observe.MigrationListener;
import dev.underway.observe.PhaseListener;
import dev.underway.plan.MigrationStates;
import dev.underway.rehearse.Rehearsal;
import dev.underway.report.FixReport;
import dev.underway.report.FixedFile;
import dev.underway.report.LintOptions;
import dev.underway.report.LintReport;
import dev.underway.report.LintRule;
import dev.underway.report.LintTarget;
import dev.underway.report.LoadRequest;
import dev.underway.report.LoadSummary;
import dev.underway.report.RehearsalReport;
import dev.underway.report.RehearsalRequest;
import dev.underway.report.TraceReport;
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

    /** An instance with fixed settings: a {@link Scratch}'s. */
    private Underway(UnderwayConfig config, MigrationListener listener) {
        this.configure = connection -> config;
        this.dataSource = null;
        this.listener = listener;
        this.config = config;
    }

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
     * learn the URL (and so the engine) its connections lead to. Internal: the facade's methods read it.
     */
    synchronized UnderwayConfig config() {
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

    /**
     * Makes the history agree with the directory, after a human has checked that this is right: removes failed
     * attempts (they run again from their first statement), accepts the current checksum of applied files that were
     * edited, and removes the rows of applied migrations whose files were deleted. Takes the migration lock.
     *
     * @throws UnderwayException {@link Reason#LOCK_NOT_ACQUIRED} when another process holds the migration lock past
     *                           {@link Builder#lockWait(Duration)}; {@link Reason#PRIVILEGE_MISSING} when the user
     *                           may not change the history table
     */
    public RepairResult repair() {
        return new Repair(Workspace.open(config()), listener).run();
    }

    /**
     * Runs a batched, resumable data change (see {@link BackfillRequest}); progress goes to
     * {@code backfillListener}. Independent of the migration directory and lock.
     */
    public BackfillResult backfill(BackfillRequest request, BackfillListener backfillListener) {
        return new Backfill(config()).run(request, backfillListener == null ? BackfillListener.NONE : backfillListener);
    }

    /**
     * The dry run of {@link #backfill}: checks the change against the table (the assignments are tried and rolled
     * back) and returns what the backfill would walk and the statements of its first batch. Changes nothing.
     *
     * @throws UnderwayException {@link Reason#NO_SUCH_OBJECT} for a table or column that does not exist,
     *                           {@link Reason#BAD_OPTION} for a change or condition the server refuses,
     *                           {@link Reason#NO_USABLE_KEY} for a table without a unique NOT NULL key,
     *                           {@link Reason#PRIVILEGE_MISSING} when the user may not read or change the table
     */
    public BackfillPlan backfillPlan(BackfillRequest request) {
        return new Backfill(config()).plan(request).publicPlan();
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
        return lint(config().connection().detectDialect(), path, path.toString(), options);
    }

    /**
     * The engine and version lint judges by on this target: its server's, read at the first call that needs them
     * (one connection). A {@link LintTarget} of the same engine at another version lints for that version.
     *
     * @throws UnderwayException {@link Reason#CONNECTION_FAILED} when the server cannot be reached
     */
    public LintTarget lintTarget() {
        return Dialects.lintTarget(config().connection().detectDialect());
    }

    /** This target's JDBC URL without its password, for messages. */
    public String redactedUrl() {
        return config().connection().redactedUrl();
    }

    /**
     * Lints a migration directory (its SQL migrations in the order migrate applies them, each judged with the ones
     * before it) or one SQL file for {@code target}, without a database. Declarative (YAML) migrations are skipped
     * (see {@link #declarativeMigrations}). Changes nothing.
     *
     * @param name how findings name {@code path}: a migration's file is {@code name/V1__x.sql} ({@code ""} or
     *             {@code "."}: {@code V1__x.sql}), a file given is {@code name}
     * @throws UnderwayException {@link Reason#FILE_ACCESS} when the path does not exist or cannot be read,
     *                           {@link Reason#BAD_FILE} when a file name or statement cannot be parsed
     */
    public static LintReport lint(Path path, String name, LintTarget target, LintOptions options) {
        return lint(Dialects.offline(target), path, name, options);
    }

    private static LintReport lint(Dialect dialect, Path path, String name, LintOptions options) {
        return new Linter(dialect, options).lint(LintInput.load(path, name, dialect.syntax()));
    }

    /**
     * {@code lint --fix} without a database: rewrites the statements behind mechanical findings of the SQL files at
     * {@code path} into their safe form (CONCURRENTLY, NOT VALID + VALIDATE, ...) and lints the files as fixed. Writes
     * nothing: each {@link FixedFile} holds the new text and notes on what was and was not rewritten.
     *
     * @param name as for {@link #lint(Path, String, LintTarget, LintOptions)}
     * @throws UnderwayException as {@link #lint(Path, String, LintTarget, LintOptions)} does
     */
    public static FixReport fix(Path path, String name, LintTarget target, LintOptions options) {
        Dialect dialect = Dialects.offline(target);
        return new Fixer(new Linter(dialect, options)).fixAndLint(LintInput.load(path, name, dialect.syntax()));
    }

    /**
     * The declarative (YAML) migrations at {@code path} (the file itself, or those in the directory), named as
     * {@link #lint(Path, String, LintTarget, LintOptions)} names files. Lint and trace skip them, as they are not SQL;
     * {@link #expandContract} plans and runs them.
     *
     * @throws UnderwayException {@link Reason#FILE_ACCESS} when the directory cannot be read
     */
    public static List<String> declarativeMigrations(Path path, String name) {
        return LintInput.declarative(path, name);
    }

    /** Every lint rule, sorted by code: what it says, its severity and the engines it applies to. */
    public static List<LintRule> lintRules() {
        return Rules.all().stream().map(Rule::describe).toList();
    }

    /**
     * Runs each statement of the SQL migrations in {@code path} (a directory or one file) on a disposable
     * database created beside the target and dropped afterwards (PostgreSQL only; needs the right to create
     * databases), and records the locks each really takes, whether it rewrites and what it scans, beside lint's
     * static verdict. Files are named as {@code path.toString()} shows them; see {@link #trace(Path, String)}.
     */
    public TraceReport trace(Path path) {
        return trace(path, path.toString());
    }

    /**
     * {@link #trace(Path)}, naming {@code path} in results and messages as {@code shown} (how the user wrote it; a
     * directory's files as {@code shown/relative-path}). Declarative (YAML) migrations are not traced. Changes
     * nothing in the target: the scratch database is dropped afterwards, also when the trace fails or is stopped.
     *
     * @throws UnderwayException {@link Reason#UNSUPPORTED} for a target other than PostgreSQL,
     *                           {@link Reason#PRIVILEGE_MISSING} when the scratch database cannot be created,
     *                           {@link Reason#CONNECTION_FAILED}, {@link Reason#FILE_ACCESS} for a missing or
     *                           unreadable path, {@link Reason#DATABASE_ERROR}
     */
    public TraceReport trace(Path path, String shown) {
        ConnectionSettings target = config().connection();
        MigrationTracer.requirePostgres(target.kind());
        Dialect dialect = target.detectDialect();
        List<LintInput> inputs = LintInput.load(path, shown, dialect.syntax());
        try (ScratchDatabase scratch = ScratchDatabase.create(target); Connection session = scratch.open()) {
            return new TraceReport(dialect.describe(), new MigrationTracer(new Linter(dialect, LintOptions.DEFAULT),
                    scratch::open).traceAll(session, inputs));
        } catch (ConnectionFailure e) {
            throw UnderwayException.of(Reason.CONNECTION_FAILED, target.describe(e));
        } catch (SQLException e) {
            throw UnderwayException.of(Reason.DATABASE_ERROR, "database error while tracing " + shown + " on "
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
     * Creates a disposable database beside the target (on PostgreSQL a new database, which needs CREATEDB; on
     * MySQL/MariaDB a new database on the same server, which needs CREATE and DROP) for {@link #rehearse rehearse}
     * or any other command that must not change the target: {@link Scratch#underway()} works on it, and closing it
     * drops it unless {@link Scratch#keep() kept}. The target itself is never changed.
     *
     * @param namePrefix the new database's name before a random suffix ({@code underway_rehearse_})
     * @throws UnderwayException {@link Reason#PRIVILEGE_MISSING} when it cannot be created,
     *                           {@link Reason#CONNECTION_FAILED}, {@link Reason#BAD_OPTION} for a PostgreSQL URL
     *                           that names no database
     */
    public Scratch scratch(String namePrefix) {
        UnderwayConfig c = config();
        ScratchDatabase db = ScratchDatabase.create(c.connection(), namePrefix);
        return new Scratch(db, new Underway(new UnderwayConfig(db.settings(), db.schema(), c.directory(), db.state(),
                c.lockWait(), c.outOfOrder(), c.target(), c.unsafe(), c.online(), c.audience()), listener));
    }

    /**
     * A disposable database beside the target, from {@link Underway#scratch(String)}: dropped on {@link #close()}
     * unless {@link #keep() kept}.
     */
    public static final class Scratch implements AutoCloseable {
        private final ScratchDatabase db;
        private final Underway underway;

        private Scratch(ScratchDatabase db, Underway underway) {
            this.db = db;
            this.underway = underway;
        }

        /** Its name ({@code underway_rehearse_3f2a...}). */
        public String name() {
            return db.name();
        }

        /**
         * An {@link Underway} for it, with the settings of the one that created it: it works in the new database's
         * default schema, and keeps its state tables where dropping the database removes them.
         */
        public Underway underway() {
            return underway;
        }

        /** Leaves it in place on {@link #close()}, for a look at what was done there. */
        public void keep() {
            db.keep();
        }

        /**
         * Drops it, unless kept.
         *
         * @throws UnderwayException {@link Reason#DATABASE_ERROR} when it cannot be dropped (it must then be dropped
         *                           by hand; the message names it)
         */
        @Override
        public void close() {
            underway.close();
            db.close();
        }
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
        private String stateSchema;
        private String stateTablePrefix;
        private Duration lockWait;
        private boolean outOfOrder;
        private MigrationVersion target;
        private boolean unsafe;
        private MigrationListener listener = MigrationListener.NONE;
        private Audience audience = Audience.LIBRARY;
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

        /**
         * The schema (PostgreSQL) or database (MySQL) for Underway's own tables. Default (null): schema
         * {@code underway} on PostgreSQL; the target database itself, tables prefixed {@code underway_}, on
         * MySQL/MariaDB. Given without {@link #stateTablePrefix(String) a prefix}, the tables get none.
         */
        public Builder stateSchema(String stateSchema) {
            this.stateSchema = stateSchema;
            return this;
        }

        /**
         * A prefix for the names of Underway's own tables (at most 40 characters), e.g. {@code underway_} next to
         * the application's tables. Default (null): none with a {@link #stateSchema(String) state schema},
         * {@code underway_} inside a MySQL/MariaDB target.
         */
        public Builder stateTablePrefix(String stateTablePrefix) {
            this.stateTablePrefix = stateTablePrefix;
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

        /**
         * Who reads the texts this instance logs, hands to listeners and returns as sentences (a backfill's pause, the
         * warning about a state table in its old place, what waits for a complete): their remedies name builder
         * methods for {@link Audience#LIBRARY} (the default) and command-line flags for {@link Audience#CLI}. A
         * failure's text is chosen when it is read: {@link UnderwayException#message(Audience)}.
         */
        public Builder audience(Audience audience) {
            this.audience = audience == null ? Audience.LIBRARY : audience;
            return this;
        }

        /**
         * An instance with these settings.
         *
         * @throws UnderwayException {@link Reason#BAD_OPTION} for a state schema or table prefix that is too long
         */
        public Underway build() {
            state();
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
            c.stateSchema = stateSchema;
            c.stateTablePrefix = stateTablePrefix;
            c.lockWait = lockWait;
            c.outOfOrder = outOfOrder;
            c.target = target;
            c.unsafe = unsafe;
            c.listener = listener;
            c.audience = audience;
            c.online = online;
            return c;
        }

        private ConnectionSettings settings() {
            return new ConnectionSettings(url, user, password, connectTimeout,
                    dataSource == null ? ConnectionSource.driver() : ConnectionSource.of(dataSource));
        }

        private StateLocation state() {
            return new StateLocation(stateSchema, stateTablePrefix);
        }

        private UnderwayConfig config(ConnectionSettings connection) {
            ConnectionSettings c = dataSource == null || url != null ? connection
                    : new ConnectionSettings(connection.url(), user, password, connectTimeout, connection.source());
            return new UnderwayConfig(c, schema, directory, state(), lockWait, outOfOrder, target, unsafe, online,
                    audience);
        }
    }
}
