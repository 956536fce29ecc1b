package dev.underway.cli;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.lint.LintInput;
import dev.underway.lint.Linter;
import dev.underway.lint.fix.FixedFile;
import dev.underway.lint.fix.Fixer;
import dev.underway.sql.StatementSplitter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code lint --fix}: writes the fixed files (or prints them with --dry-run) and says what it did on stderr. */
final class FixRun {
    private final Linter linter;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean dryRun;

    FixRun(Linter linter, PrintWriter out, PrintWriter err, boolean dryRun) {
        this.linter = linter;
        this.out = out;
        this.err = err;
        this.dryRun = dryRun;
    }

    /** Fixes the inputs and returns them as they are now, for the lint that follows. */
    List<LintInput> fix(List<LintInput> inputs) {
        List<LintInput> now = new ArrayList<>();
        for (FixedFile f : new Fixer(linter).fix(inputs)) {
            f.notes().forEach(err::println);
            if (!f.changed()) {
                now.add(f.input());
                continue;
            }
            if (dryRun) {
                out.println("-- " + f.input().file() + " (fixed; not written: --dry-run)");
                out.println(f.text());
            } else {
                write(f.input().path(), f.text());
                err.println("Fixed " + f.input().file());
            }
            now.add(new LintInput(f.input().file(), f.input().path(),
                    new StatementSplitter(linter.dialect().syntax()).split(f.text(), f.input().file())));
        }
        out.flush();
        err.flush();
        return now;
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UnderwayException.of(Reason.FILE_ACCESS, path + ": cannot be written: " + e.getMessage());
        }
    }
}
