package dev.underway.cli;

import dev.underway.ErrorCode;
import dev.underway.Underway;
import dev.underway.report.TraceReport;
import dev.underway.report.TracedStatement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "trace", description = "Run each statement of the migrations on a disposable PostgreSQL database "
        + "(holding the schema of the migrations before it), record the locks it really takes, whether it rewrites, "
        + "what it scans and how long it takes, and flag every difference from lint's static verdict. Exit 1 when "
        + "one differs or fails.")
final class TraceCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A migration directory or a SQL file; each is traced "
            + "on its own scratch database.")
    List<Path> paths;

    @Mixin
    ServerOptions.Scratch server;

    @Option(names = "--format", description = "text or json. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    Format format;

    @ParentCommand
    UnderwayCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (EmbeddedSession embedded = new EmbeddedSession(parent.workDir);
             Underway underway = server.builderOrEmbedded(embedded, err()).build()) {
            List<TracedStatement> results = new ArrayList<>();
            String database = null;
            for (Path p : paths) {
                Path path = parent.workDir.resolve(p);
                LintOutput.skippedDeclarative(path, p.toString(), err());
                TraceReport report = underway.trace(path, p.toString());
                results.addAll(report.statements());
                database = report.database();
            }
            new TraceOutput(out()).print(results, format);
            long differing = results.stream().filter(r -> !r.agrees()).count();
            err().println("Traced " + results.size() + " statement(s) on " + database + ": " + differing
                    + " differ from the static verdict.");
            err().flush();
            return differing == 0 ? 0 : ErrorCode.FAILED.exitCode();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
