package dev.underway.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.underway.migration.Verdict;
import dev.underway.report.Observation;
import dev.underway.report.ObservedLock;
import dev.underway.report.TracedStatement;

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
            out.println(Json.write(new Traced(results.stream().map(Traced.Statement::of).toList())));
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
            wrapped("  expected: " + r.verdict().describeLocks() + "; " + rewriteScan(r.verdict().rewrite(),
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

    /** {@code trace --format json}: per statement the static verdict, what was observed, and the differences. */
    record Traced(List<Statement> statements) {
        /** @param observed null when the statement was not run (transaction control) */
        record Statement(String file, int line, String statement, @JsonProperty("static") Expected expected,
                         Observed observed, List<String> differences) {
            static Statement of(TracedStatement r) {
                Verdict v = r.verdict();
                Observation o = r.observation();
                return new Statement(r.file(), r.statement().line(), r.statement().sql(),
                        new Expected(v.lock(), v.locks(), v.rewrite(), v.scan()), o == null ? null : Observed.of(o),
                        r.differences());
            }
        }

        record Expected(String lock, Map<String, String> locks, boolean rewrite, boolean scan) {
        }

        /** @param locks on relations that existed before the statement */
        record Observed(List<Lock> locks, List<String> rewritten, List<String> scanned, long millis, String error) {
            static Observed of(Observation o) {
                return new Observed(o.locks().stream().filter(ObservedLock::existedBefore)
                        .map(l -> new Lock(l.relation(), l.mode().label(), l.granted())).toList(),
                        o.rewritten(), o.scanned(), o.millis(), o.error());
            }
        }

        record Lock(String relation, String mode, boolean granted) {
        }
    }
}
