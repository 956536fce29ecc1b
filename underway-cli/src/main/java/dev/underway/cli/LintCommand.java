package dev.underway.cli;

import dev.underway.ErrorCode;
import dev.underway.Reason;
import dev.underway.Underway;
import dev.underway.UnderwayException;
import dev.underway.report.Finding;
import dev.underway.report.LintOptions;
import dev.underway.report.LintReport;
import dev.underway.report.LintTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "lint", description = "Check migrations for statements that lock, rewrite or scan tables, or break "
        + "running clients. No database needed. Exit 0: no error-severity finding; 1: at least one; 2: usage or parse error.")
final class LintCommand implements Callable<Integer> {
    /** Versions assumed when no --target-version and no --url are given (documented in the README). */
    static final String DEFAULT_POSTGRES = "17";
    static final String DEFAULT_MYSQL = "8.4";
    static final String DEFAULT_MARIADB = "11.4";

    enum Engine { POSTGRES, MYSQL, MARIADB }

    enum LintFormat { TEXT, JSON, SARIF }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A migration directory or a SQL file; several are "
            + "linted independently of each other.")
    List<Path> paths;

    @Option(names = "--dialect", description = "postgres, mysql or mariadb. Default: postgres, or the server's with --url "
            + "(with --url, a different one is a usage error).")
    Engine engine;

    @Option(names = "--target-version", description = "Server version to judge for (e.g. 11, 8.0.28, 10.6). Default: the "
            + "server's with --url, else PostgreSQL " + DEFAULT_POSTGRES + ", MySQL " + DEFAULT_MYSQL + ", MariaDB "
            + DEFAULT_MARIADB + ".")
    String targetVersion;

    @Option(names = "--format", description = "text, json or sarif. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    LintFormat format;

    @Option(names = "--fix", description = "Rewrite mechanical cases into their safe form, in place.")
    boolean fix;

    @Option(names = "--dry-run", description = "With --fix: print the fixed files instead of writing them.")
    boolean dryRun;

    @Option(names = "--external-runner", description = "The files are run by a tool that sets no lock timeout "
            + "(psql, Flyway): require one in each file (PG115, MY209).")
    boolean externalRunner;

    @Mixin
    ServerOptions.ForLint server;

    @ParentCommand
    UnderwayCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (dryRun && !fix) {
            throw UnderwayException.of(Reason.BAD_OPTION, "--dry-run only works with --fix");
        }
        LintTarget target = target();
        LintOptions options = new LintOptions(externalRunner);
        List<Finding> findings = new ArrayList<>();
        List<String> files = new ArrayList<>();
        int suppressed = 0;
        for (Path p : paths) {
            Path path = parent.workDir.resolve(p);
            LintOutput.skippedDeclarative(path, p.toString(), err());
            LintReport report = fix ? new FixRun(out(), err(), dryRun).apply(Underway.fix(path, p.toString(), target, options))
                    : Underway.lint(path, p.toString(), target, options);
            findings.addAll(report.findings());
            suppressed += report.suppressed();
            files.addAll(report.files());
        }
        LintReport all = new LintReport(findings, suppressed, files);
        if (!(fix && dryRun)) {
            new LintOutput(out()).print(all, format);
        }
        err().println(LintOutput.summary(all, target));
        err().flush();
        return all.hasErrors() ? ErrorCode.FAILED.exitCode() : 0;
    }

    private LintTarget target() {
        if (server.given()) {
            try (Underway uw = Underway.builder().url(server.url()).user(server.user).password(server.password)
                    .connectTimeout(server.connectTimeout.duration()).build()) {
                LintTarget t = uw.lintTarget();
                if (engine != null && engine(engine) != t.engine()) {
                    // Linting for another engine than the server's would judge every statement by the wrong rules.
                    throw UnderwayException.of(Reason.BAD_OPTION, "--dialect " + engine.name().toLowerCase(Locale.ROOT)
                            + " contradicts " + uw.redactedUrl() + ", which is " + t.describe() + "; drop --dialect to"
                            + " lint for the server's engine, or drop --url to lint offline for "
                            + engine.name().toLowerCase(Locale.ROOT));
                }
                return targetVersion == null ? t : new LintTarget(t.engine(), targetVersion);
            }
        }
        Engine e = engine == null ? Engine.POSTGRES : engine;
        String version = targetVersion != null ? targetVersion : switch (e) {
            case POSTGRES -> DEFAULT_POSTGRES;
            case MYSQL -> DEFAULT_MYSQL;
            case MARIADB -> DEFAULT_MARIADB;
        };
        try {
            return new LintTarget(engine(e), version);
        } catch (IllegalArgumentException ex) {
            throw UnderwayException.of(Reason.BAD_OPTION, "--target-version " + version + " is not a version; write e.g. 16, 8.0.28, "
                    + e.name().toLowerCase(Locale.ROOT));
        }
    }

    private static LintTarget.Engine engine(Engine e) {
        return switch (e) {
            case POSTGRES -> LintTarget.Engine.POSTGRESQL;
            case MYSQL -> LintTarget.Engine.MYSQL;
            case MARIADB -> LintTarget.Engine.MARIADB;
        };
    }

    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
