package dev.underway.lint;

import dev.underway.dialect.Dialect;
import dev.underway.dialect.LockPolicy;
import dev.underway.dialect.TransactionRules;
import dev.underway.migration.Directive;
import dev.underway.migration.ExecutionMode;
import dev.underway.migration.MigrationName;
import dev.underway.migration.SqlScript;
import dev.underway.migration.SqlStatement;
import dev.underway.migration.Verdict;
import dev.underway.plan.ExecutionModes;
import dev.underway.plan.LockTimeoutDirective;
import dev.underway.report.Finding;
import dev.underway.report.LintOptions;
import dev.underway.report.LintReport;
import dev.underway.sql.shape.Modifier;
import dev.underway.sql.shape.SchemaModel;
import dev.underway.sql.shape.StatementClassifier;
import dev.underway.sql.shape.StatementKind;
import dev.underway.sql.shape.StatementShape;
import dev.underway.sql.shape.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lints migration files in order. Each file's statements are classified, judged by the
 * dialect's lock policy and checked by every rule, with a schema model built from the files
 * and statements before them; then suppressions are applied. No database is needed.
 */
public final class Linter {
    private static final Set<String> LOCK_TIMEOUT_SETTINGS = Set.of("lock_timeout", "lock_wait_timeout",
            "innodb_lock_wait_timeout");

    private final Dialect dialect;
    private final LintOptions options;
    private final StatementClassifier classifier;
    private final LockPolicy policy;
    private final List<Rule> rules;

    public Linter(Dialect dialect, LintOptions options) {
        this.dialect = dialect;
        this.options = options;
        this.classifier = new StatementClassifier(dialect.kind().isMySqlFamily());
        this.policy = dialect.lockPolicy();
        this.rules = Rules.all().stream().filter(r -> r.appliesTo(dialect.kind())).toList();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Lints every file; earlier files give the context of later ones. */
    public LintReport lint(List<LintInput> files) {
        return lint(files, files.size());
    }

    /**
     * Replays all files into the schema model but reports only on the last {@code reported} of them (migrate
     * lints only what is pending, with the applied migrations as context).
     */
    public LintReport lint(List<LintInput> files, int reported) {
        SchemaModel schema = new SchemaModel();
        List<Finding> findings = new ArrayList<>();
        List<String> linted = new ArrayList<>();
        int suppressed = 0;
        for (int i = 0; i < files.size(); i++) {
            FileAnalysis a = analyze(files.get(i), schema);
            if (i >= files.size() - reported) {
                findings.addAll(a.findings());
                suppressed += a.suppressed();
                linted.add(files.get(i).file());
            }
        }
        return new LintReport(findings, suppressed, linted);
    }

    /** Lints one file as the next migration after what {@code schema} holds, and replays it into the schema. */
    public FileAnalysis analyze(LintInput input, SchemaModel schema) {
        return analyze(input, schema, (a, model) -> { });
    }

    /** Called for each statement with the schema as the statements before it left it (for rewrites). */
    @FunctionalInterface
    public interface StatementHook {
        void accept(StatementAnalysis analysis, SchemaModel schemaBefore);
    }

    public FileAnalysis analyze(LintInput input, SchemaModel schema, StatementHook hook) {
        FileRun run = new FileRun(input, schema, hook);
        run.lint();
        run.findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return new FileAnalysis(input, run.statements, run.findings, run.suppressed);
    }

    /** The shape and verdict of one statement with the given schema model, for trace and fix. */
    public StatementShape classify(SqlStatement statement) {
        return classifier.classify(statement);
    }

    public Verdict verdict(StatementShape shape, SchemaModel schema) {
        return policy.verdict(shape, schema);
    }

    /** Linting one file: its transaction mode, open BEGIN blocks, lock timeouts and suppressions. */
    private final class FileRun {
        private final LintInput input;
        private final SchemaModel schema;
        private final StatementHook hook;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Suppression> fileSuppressions = new ArrayList<>();
        private final List<StatementAnalysis> statements = new ArrayList<>();
        private int suppressed;

        FileRun(LintInput input, SchemaModel schema, StatementHook hook) {
            this.input = input;
            this.schema = schema;
            this.hook = hook;
        }

        void lint() {
            SqlScript script = input.script();
            schema.startMigration();
            input.newTables().forEach(t -> schema.createdWithoutSql(TableName.of(t)));
            checkDirectives(script);
            TransactionRules tx = dialect.transactions();
            List<SqlStatement> all = script.statements();
            List<ExecutionModes.Refusal> refusals = refusals(script, tx);
            // A file that mixes both kinds is refused above, so it runs in no transaction.
            boolean transactional = tx.transactionalDdl() && !script.has(Directive.NO_TRANSACTION)
                    && all.stream().allMatch(s -> tx.whyNotInTransaction(s).isEmpty());
            boolean explicitTransaction = false;
            boolean lockTimeout = script.has(Directive.LOCK_TIMEOUT);
            for (SqlStatement st : all) {
                StatementShape shape = classifier.classify(st);
                Verdict verdict = policy.verdict(shape, schema);
                StatementContext ctx = new StatementContext(st, shape, verdict, schema, dialect, options,
                        transactional || explicitTransaction, lockTimeout);
                int before = findings.size();
                for (ExecutionModes.Refusal r : refusals.stream().filter(r -> r.line() == st.line()).toList()) {
                    add(Rules.REFUSED_BY_MIGRATE, st.line(), st.sql(), "migrate refuses this file: " + r.message(), verdict);
                    refusals.remove(r);
                }
                check(ctx);
                StatementAnalysis analysis = new StatementAnalysis(st, shape, verdict,
                        findings.subList(before, findings.size()), explicitTransaction);
                statements.add(analysis);
                hook.accept(analysis, schema);
                if (shape.is(StatementKind.TRANSACTION_CONTROL)) {
                    explicitTransaction = st.startsWith("BEGIN") || st.startsWith("START")
                            || (explicitTransaction && !(st.startsWith("COMMIT") || st.startsWith("ROLLBACK")
                            || st.startsWith("END") || st.startsWith("ABORT")));
                }
                if (shape.is(StatementKind.SET) && LOCK_TIMEOUT_SETTINGS.contains(shape.names().get(0))
                        && !shape.has(Modifier.LOCAL)) {
                    lockTimeout = !"0".equals(shape.option("VALUE"));
                }
                schema.apply(shape);
            }
        }

        /**
         * What makes migrate refuse the file before running any of it (the checks migrate makes). A refusal is reported
         * on the statement it names (one about a directive at once, on the directive's line) and cannot be suppressed,
         * as migrate would refuse anyway.
         */
        private List<ExecutionModes.Refusal> refusals(SqlScript script, TransactionRules tx) {
            String name = input.file().substring(input.file().lastIndexOf('/') + 1);
            String version = MigrationName.parse(name).map(MigrationName::version).map(Object::toString).orElse(null);
            List<ExecutionModes.Refusal> out = new ArrayList<>();
            ExecutionModes.refusal(script, version, tx).ifPresent(out::add);
            LockTimeoutDirective.refusal(script).ifPresent(r -> add(Rules.REFUSED_BY_MIGRATE, r.line(),
                    "-- underway:" + Directive.LOCK_TIMEOUT, "migrate refuses this file: " + r.message(), null));
            return out;
        }

        private void checkDirectives(SqlScript script) {
            for (Directive d : script.directives()) {
                if (!Suppression.isSuppression(d)) {
                    continue;
                }
                Suppression s = Suppression.parse(d);
                String directive = "-- underway:" + d.name() + " " + d.argument();
                if (s.codes().isEmpty()) {
                    add(Rules.SUPPRESSION_WITHOUT_CODE, d.line(), directive, "the suppression names no rule code"
                            + (s.reason() == null ? " and has no reason=\"...\"" : "") + "; it suppresses nothing", null);
                } else if (s.reason() == null) {
                    add(Rules.SUPPRESSION_WITHOUT_REASON, d.line(), directive, "the suppression of "
                            + String.join(", ", s.codes()) + " has no reason=\"...\"; it suppresses nothing", null);
                }
                for (String code : s.unknownCodes()) {
                    add(Rules.SUPPRESSION_UNKNOWN_CODE, d.line(), directive,
                            "no rule has the code " + code, null);
                }
                if (d.name().equals(Suppression.FILE_DIRECTIVE)) {
                    fileSuppressions.add(s);
                }
            }
        }

        private void check(StatementContext ctx) {
            List<Suppression> local = ctx.statement().directives().stream().filter(d -> d.name().equals(Directive.ALLOW))
                    .map(Suppression::parse).toList();
            for (Rule rule : rules) {
                String message = rule.check().check(ctx);
                if (message == null) {
                    continue;
                }
                boolean allowed = local.stream().anyMatch(s -> s.covers(rule.code()))
                        || fileSuppressions.stream().anyMatch(s -> s.covers(rule.code()));
                if (allowed) {
                    suppressed++;
                } else {
                    add(rule, ctx.statement().line(), ctx.statement().sql(), message, ctx.verdict());
                }
            }
        }

        private void add(Rule rule, int line, String statement, String message, Verdict verdict) {
            findings.add(new Finding(rule.code(), rule.severity(), message, rule.explanation(), rule.safeAlternative(),
                    input.file(), line, statement, verdict));
        }
    }
}
