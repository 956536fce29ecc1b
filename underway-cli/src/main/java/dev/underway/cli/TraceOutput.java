package dev.underway.cli;

import dev.underway.trace.MigrationTracer;
import dev.underway.trace.ObservedLock;
import dev.underway.trace.Observation;
import dev.underway.trace.TracedStatement;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Trace results: a table per statement for people, or JSON. */
final class TraceOutput {
    private final PrintWriter out;

    TraceOutput(PrintWriter out) {
        this.out = out;
    }

    void print(List<TracedStatement> results, Format format) {
        if (format == Format.JSON) {
            out.println(Json.write(Json.object("statements", results.stream().map(TraceOutput::json).toList())));
        } else {
            text(results);
        }
        out.flush();
    }

    /**
     * One short block per statement, every line within {@link #WIDTH} columns (a wide table of locks did not fit a
     * terminal): where, the statement, time and verdict; then what lint expected and what the server did.
     */
    private void text(List<TracedStatement> results) {
        for (TracedStatement r : results) {
            Observation o = r.observation();
            String where = r.file() + ":" + r.statement().line();
            String tail = (o == null ? "" : "  " + o.millis() + " ms") + "  " + (r.agrees() ? "ok" : "DIFFERS");
            int room = Math.max(20, WIDTH - where.length() - 2 - tail.length());
            out.println(where + "  " + r.statement().preview(room) + tail);
            wrapped("  expected: " + MigrationTracer.locks(r.verdict().locks()) + "; " + rewriteScan(r.verdict().rewrite(),
                    r.verdict().scan()));
            wrapped("  observed: " + (o == null ? "(not run)" : observed(o) + "; " + rewriteScan(!o.rewritten().isEmpty(),
                    o.scanned() == null ? null : !o.scanned().isEmpty())));
            for (String d : r.differences()) {
                wrapped(where + ": " + d);
            }
        }
    }

    static final int WIDTH = 120;

    private static String rewriteScan(boolean rewrite, Boolean scan) {
        return (rewrite ? "rewrites" : "no rewrite") + ", " + (scan == null ? "scan not observable" : scan ? "scans"
                : "no scan");
    }

    /** Prints {@code text} in lines of at most {@link #WIDTH} columns, continuations indented. */
    private void wrapped(String text) {
        String indent = "            ";
        String rest = text;
        boolean first = true;
        while (true) {
            String line = first ? rest : indent + rest;
            if (line.length() <= WIDTH) {
                out.println(line);
                return;
            }
            int cut = line.lastIndexOf(' ', WIDTH);
            if (cut <= indent.length()) {
                cut = WIDTH;
            }
            out.println(line.substring(0, cut).stripTrailing());
            rest = line.substring(cut).strip();
            first = false;
        }
    }

    private static String observed(Observation o) {
        if (o.error() != null) {
            return "failed: " + o.error();
        }
        List<String> parts = o.locks().stream().filter(ObservedLock::existedBefore)
                .map(l -> l.relation() + ": " + l.mode().label() + (l.granted() ? "" : " (waited)")).toList();
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static Map<String, Object> json(TracedStatement r) {
        Observation o = r.observation();
        return Json.object(
                "file", r.file(),
                "line", r.statement().line(),
                "statement", r.statement().sql(),
                "static", Json.object("lock", r.verdict().lock(), "locks", r.verdict().locks(),
                        "rewrite", r.verdict().rewrite(), "scan", r.verdict().scan()),
                "observed", o == null ? null : Json.object(
                        "locks", o.locks().stream().filter(ObservedLock::existedBefore).map(l -> Json.object(
                                "relation", l.relation(), "mode", l.mode().label(), "granted", l.granted())).toList(),
                        "rewritten", o.rewritten(),
                        "scanned", o.scanned(),
                        "millis", o.millis(),
                        "error", o.error()),
                "differences", r.differences());
    }
}
