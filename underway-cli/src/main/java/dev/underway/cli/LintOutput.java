package dev.underway.cli;

import dev.underway.Audience;
import dev.underway.Underway;
import dev.underway.migration.Verdict;
import dev.underway.report.Finding;
import dev.underway.report.LintReport;
import dev.underway.report.LintTarget;
import dev.underway.report.Severity;

import java.io.PrintWriter;
import java.util.List;

/** Lint results as text (for people), JSON (for scripts) or SARIF 2.1.0 (for code-scanning UIs). */
final class LintOutput {
    private final PrintWriter out;

    LintOutput(PrintWriter out) {
        this.out = out;
    }

    void print(LintReport report, LintCommand.LintFormat format) {
        switch (format) {
            case JSON -> out.println(Json.write(findings(report.findings())));
            case SARIF -> out.println(Json.write(Sarif.log(report.findings())));
            default -> text(report.findings());
        }
        out.flush();
    }

    private void text(List<Finding> findings) {
        TerminalStyle style = TerminalStyle.AUTO;
        for (Finding f : findings) {
            String severity = switch (f.severity()) {
                case ERROR -> style.error(f.severity().label());
                case WARNING -> style.warning(f.severity().label());
                default -> style.info(f.severity().label());
            };
            out.println(f.file() + ":" + f.line() + ": " + f.code() + " " + severity + ": " + f.message());
            out.println("    " + oneLine(f.statement()));
            if (f.verdict() != null) {
                out.println("    lock: " + f.verdict().summary());
            }
            out.println("    why: " + f.explanation());
            out.println("    instead: " + f.safeAlternative(Audience.CLI));
        }
    }

    static String oneLine(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }

    static Findings findings(List<Finding> findings) {
        return new Findings(findings.stream().map(Findings.Entry::of).toList());
    }

    /** {@code lint --format json}: the shape the README documents, one object per finding, these keys exactly. */
    record Findings(List<Entry> findings) {
        /** The verdict's fields are null for findings about directives (they have no statement to judge). */
        record Entry(String file, int line, String statement, String code, String severity, String lock,
                     Boolean blocksReads, Boolean blocksWrites, Boolean rewrite, String message,
                     String safeAlternative) {
            static Entry of(Finding f) {
                Verdict v = f.verdict();
                return new Entry(f.file(), f.line(), f.statement(), f.code(), f.severity().label(),
                        v == null ? null : v.lock(), v == null ? null : v.blocksReads(),
                        v == null ? null : v.blocksWrites(), v == null ? null : v.rewrite(), f.message(),
                        f.safeAlternative(Audience.CLI));
            }
        }
    }

    /** Says on stderr which declarative migrations at {@code path} are not read (they are not SQL). */
    static void skippedDeclarative(java.nio.file.Path path, String shown, PrintWriter err) {
        for (String file : Underway.declarativeMigrations(path, shown)) {
            err.println(file + ": declarative migration (YAML), not linted as SQL; `underway start " + file
                    + " --dry-run` prints its plan");
        }
    }

    static String summary(LintReport r, LintTarget target) {
        int files = r.files().size();
        return "Linted " + files + (files == 1 ? " file" : " files") + " for " + target.describe() + ": "
                + r.count(Severity.ERROR) + " error(s), " + r.count(Severity.WARNING) + " warning(s), "
                + r.count(Severity.INFO) + " info" + (r.suppressed() > 0 ? "; " + r.suppressed() + " suppressed" : "") + ".";
    }
}
