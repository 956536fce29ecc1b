package dev.underway.lint.fix;

import dev.underway.Audience;
import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.lint.StatementAnalysis;
import dev.underway.migration.Directive;
import dev.underway.migration.SqlStatement;
import dev.underway.plan.Checksums;
import dev.underway.report.Finding;
import dev.underway.report.FixReport;
import dev.underway.report.FixedFile;
import dev.underway.sql.StatementSplitter;
import dev.underway.sql.shape.SchemaModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lint --fix}: rewrites the statements behind mechanical findings into their safe form and
 * returns the new file texts (the caller writes them or prints them). Files whose rewritten
 * statements must not share a transaction get {@code -- underway:no-transaction}.
 */
public final class Fixer {
    private final Linter linter;
    private final StatementRewrites rewrites;

    public Fixer(Linter linter) {
        this.linter = linter;
        this.rewrites = new StatementRewrites(linter.dialect());
    }

    /** Fixes every file, in order, with the context of the files before it. */
    public List<FixedFile> fix(List<LintInput> inputs) {
        SchemaModel schema = new SchemaModel();
        List<FixedFile> out = new ArrayList<>();
        for (LintInput input : inputs) {
            out.add(fix(input, schema));
        }
        return out;
    }

    /** Fixes every file and lints them as they are then (the new texts, which this does not write). */
    public FixReport fixAndLint(List<LintInput> inputs) {
        List<FixedFile> fixed = fix(inputs);
        List<LintInput> now = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            FixedFile f = fixed.get(i);
            now.add(!f.changed() ? inputs.get(i) : new LintInput(f.file(), f.path(),
                    new StatementSplitter(linter.dialect().syntax()).split(f.text(), f.file())));
        }
        return new FixReport(fixed, linter.lint(now));
    }

    private FixedFile fix(LintInput input, SchemaModel schema) {
        String original = read(input);
        List<Replacement> replacements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        linter.analyze(input, schema, (a, before) -> plan(input, a, before, replacements, notes));
        if (replacements.isEmpty()) {
            return new FixedFile(input.file(), input.path(), original, original, notes);
        }
        StringBuilder text = new StringBuilder(original);
        for (int i = replacements.size() - 1; i >= 0; i--) {
            Replacement r = replacements.get(i);
            text.replace(r.start(), r.end(), String.join(";\n", r.rewrite().statements()));
        }
        boolean needsNoTransaction = linter.dialect().transactions().transactionalDdl()
                && replacements.stream().anyMatch(r -> r.rewrite().outsideTransaction())
                && !input.script().has(Directive.NO_TRANSACTION);
        if (needsNoTransaction) {
            text.insert(0, "-- Added by underway lint --fix: the rewritten statements must not share a transaction.\n"
                    + "-- underway:no-transaction\n");
            int others = input.script().statements().size() - replacements.size();
            if (others > 0) {
                notes.add(input.file() + ": now runs statement by statement (-- underway:no-transaction), so its " + others
                        + " other statement(s) no longer commit together; if they must, move them into a migration"
                        + " of their own");
            }
        }
        return new FixedFile(input.file(), input.path(), original, text.toString(), notes);
    }

    private record Replacement(int start, int end, Rewrite rewrite) {
    }

    private void plan(LintInput input, StatementAnalysis a, SchemaModel before, List<Replacement> replacements,
                      List<String> notes) {
        String at = input.file() + ":" + a.statement().line() + ": ";
        for (Finding f : a.findings()) {
            Optional<Rewrite> r = linter.dialect().kind().isMySqlFamily() ? Optional.empty()
                    : rewrites.rewrite(f.code(), a, before);
            if (r.isPresent() && r.get().outsideTransaction() && a.inExplicitTransaction()) {
                // The author's BEGIN ... COMMIT says these statements commit together; the safe form cannot.
                notes.add(at + f.code() + " not fixed: the statement is inside the file's BEGIN ... COMMIT block, where "
                        + "its safe form cannot run; --fix leaves the block alone. Move the statement out of the block "
                        + "(or remove BEGIN and COMMIT) and run lint --fix again");
                return;
            }
            if (r.isPresent()) {
                SqlStatement s = a.statement();
                int start = s.tokens().get(0).start();
                replacements.add(new Replacement(start, start + s.sql().length(), r.get()));
                notes.add(at + f.code() + " fixed: " + r.get().note());
                return;
            }
        }
        a.findings().stream().filter(Finding::isError).findFirst().ifPresent(f -> notes.add(at + f.code()
                + " not fixed automatically: " + whyNot(a) + ". Instead: " + f.safeAlternative(Audience.CLI)));
    }

    private static String whyNot(StatementAnalysis a) {
        int actions = a.shape().actions().size();
        return actions > 1 ? "lint --fix rewrites an ALTER TABLE with one sub-command only, and this one has " + actions
                + "; split it and run lint --fix again" : "this form of the statement is not one lint --fix rewrites";
    }

    private static String read(LintInput input) {
        if (input.path() == null) {
            throw UnderwayException.of(Reason.FILE_ACCESS, input.file() + ": only files can be fixed");
        }
        try {
            return Checksums.stripBom(Files.readString(input.path(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw UnderwayException.of(Reason.FILE_ACCESS, input.file() + ": cannot be read: " + e.getMessage());
        }
    }
}
