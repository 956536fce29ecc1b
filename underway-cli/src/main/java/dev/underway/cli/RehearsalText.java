package dev.underway.cli;

import dev.underway.report.LatencyStats;
import dev.underway.report.RehearsalReport;
import dev.underway.report.StepReport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/** The rehearsal report for people: what was set up, the load, then one line per statement. */
final class RehearsalText {
    private RehearsalText() {
    }

    static String render(RehearsalReport r) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.println("Rehearsal on " + r.database());
        if (!r.setup().isEmpty()) {
            out.println("  schema built by: " + String.join(", ", r.setup()));
        }
        r.filled().forEach(f -> out.printf(Locale.ROOT, "  filled %s with %,d synthetic rows in %.1f s%s%n",
                f.table().name(), f.rows(), f.millis() / 1000.0, f.addedAsParent() ? " (a parent the others need)" : ""));
        out.println("  rehearsed: " + String.join(", ", r.rehearsed()));
        if (r.load() == null) {
            out.println("  no application load (no existing table is touched; name one with --load-table)");
        } else {
            RehearsalReport.LoadSummary l = r.load();
            out.printf(Locale.ROOT, "%nApplication load: %d clients on %s at %s, %s, %.1f s%n", l.clients(),
                    String.join(", ", l.tables()), l.ratePerSecond() == 0 ? "full speed" : (long) l.ratePerSecond() + " q/s",
                    l.mix(), l.durationMs() / 1000.0);
            out.println("  before the first statement: " + stats(l.baseline()));
            out.println("  whole run:                  " + stats(l.overall()));
            out.println("  longest stall: " + l.longestStall().durationMs() + " ms"
                    + (l.longestStall().durationMs() == 0 ? "" : " at " + l.longestStall().startMs() + " ms"));
            l.overall().errorsByState().forEach((state, n) -> out.println("  errors " + state + ": " + n.count() + " ("
                    + n.message() + ")"));
        }
        out.println();
        TextTable t = new TextTable("statement", "took", "lock", "waited", "rewrite", "app during: queries", "errors",
                "p99", "max", "stall", "lint");
        for (StepReport s : r.statements()) {
            LatencyStats d = s.during();
            t.add(where(s) + " " + preview(s.sql()), s.durationMs() + " ms", s.lockMode()
                            + ("verdict".equals(s.lockSource()) ? " (verdict)" : ""), s.lockWaitMs() + " ms"
                            + (s.retries() == 0 ? "" : " (" + s.retries() + " retries)"),
                    s.rewrite() ? "yes: " + String.join(", ", s.rewritten()) : "no", d.queries(), d.errors(),
                    d.p99Ms() + " ms", d.maxMs() + " ms", stall(s), String.join(",", s.lint()));
        }
        t.print(out);
        out.println(STALL_LEGEND);
        if (!r.lintRules().isEmpty()) {
            out.println("\nLint codes:");
            r.lintRules().forEach(rule -> out.println("  " + rule.code() + " (" + rule.severity().label() + ", "
                    + rule.name() + "): " + rule.summary()));
        }
        r.statements().stream().filter(s -> s.error() != null).forEach(s -> out.println(where(s) + ": " + s.error()));
        r.events().forEach(e -> out.println("at " + e.atMs() + " ms: " + e.what()));
        if (r.error() != null) {
            out.println("\nThe rehearsal stopped: " + r.error());
        }
        out.flush();
        return buffer.toString();
    }

    static final String STALL_LEGEND = "stall: the longest time no application query finished that belongs to the"
            + " statement (it waited for a lock, or ran while holding one); \"in transaction\": one spread over the"
            + " statements of its migration's transaction, shown on the statement that took the transaction's strongest"
            + " lock (held until commit).";

    /** The stall that belongs to a statement, and whether it belongs to the statement or to its transaction. */
    static String stall(StepReport s) {
        if (s.stallScope() == null) {
            return "-";
        }
        return s.stall().durationMs() + " ms" + ("transaction".equals(s.stallScope()) ? " in transaction" : "");
    }

    static String where(StepReport s) {
        String phase = s.phase() == null ? "" : " " + s.phase();
        return s.file() == null ? s.migration() + phase : s.file() + ":" + s.line() + phase;
    }

    static String preview(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }

    private static String stats(LatencyStats s) {
        return String.format(Locale.ROOT, "%,d queries, %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms", s.queries(),
                s.errors(), s.p50Ms(), s.p99Ms(), s.maxMs());
    }
}
