package dev.underway.cli;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.report.FixReport;
import dev.underway.report.FixedFile;
import dev.underway.report.LintReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code lint --fix}: writes the fixed files (or prints them with --dry-run) and says what it did on stderr. */
final class FixRun {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean dryRun;

    FixRun(PrintWriter out, PrintWriter err, boolean dryRun) {
        this.out = out;
        this.err = err;
        this.dryRun = dryRun;
    }

    /** Writes (or prints) the fixed files and returns the lint of the files as fixed. */
    LintReport apply(FixReport fixes) {
        for (FixedFile f : fixes.files()) {
            f.notes().forEach(err::println);
            if (!f.changed()) {
                continue;
            }
            if (dryRun) {
                out.println("-- " + f.file() + " (fixed; not written: --dry-run)");
                out.println(f.text());
            } else {
                write(f.path(), f.text());
                err.println("Fixed " + f.file());
            }
        }
        out.flush();
        err.flush();
        return fixes.report();
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UnderwayException.of(Reason.FILE_ACCESS, path + ": cannot be written: " + e.getMessage());
        }
    }
}
