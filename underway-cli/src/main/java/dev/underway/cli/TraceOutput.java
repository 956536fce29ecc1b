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

    private void text(List<TracedStatement> results) {
        TextTable table = new TextTable("Where", "Statement", "Static lock", "Observed locks", "Rewrite", "Scan", "ms", "");
        for (TracedStatement r : results) {
            Observation o = r.observation();
            table.add(r.file() + ":" + r.statement().line(), LintOutput.oneLine(r.statement().preview(50)),
                    MigrationTracer.locks(r.verdict().locks()),
                    o == null ? "(not run)" : observed(o),
                    yesNo(r.verdict().rewrite()) + "/" + (o == null ? "-" : yesNo(!o.rewritten().isEmpty())),
                    yesNo(r.verdict().scan()) + "/" + (o == null || o.scanned() == null ? "-" : yesNo(!o.scanned().isEmpty())),
                    o == null ? "" : o.millis(), r.agrees() ? "ok" : "DIFFERS");
        }
        table.print(out);
        out.println("(Rewrite and Scan: static/observed; '-' where it cannot be observed.)");
        for (TracedStatement r : results) {
            for (String d : r.differences()) {
                out.println(r.file() + ":" + r.statement().line() + ": " + d);
            }
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

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
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
