package dev.underway.cli;

import dev.underway.report.LatencyStats;
import dev.underway.report.LintRule;
import dev.underway.report.RehearsalReport;
import dev.underway.report.Stall;
import dev.underway.report.StepReport;
import dev.underway.report.TimelineInterval;

import java.util.List;
import java.util.Locale;

/**
 * The rehearsal report as one self-contained HTML page: application latency over time (p50, p99
 * and max per second, log scale) with every statement marked as a band, the longest stall and
 * errors highlighted, queries per second below, then the tables of the text report.
 */
final class RehearsalHtml {
    private static final int W = 960;
    private static final int H = 320;
    private static final int BARS = 90;
    private static final int LEFT = 72;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;
    private static final String[] BAND_COLORS = {"#4e79a7", "#59a14f", "#9c755f", "#b07aa1", "#76b7b2", "#edc948"};

    private RehearsalHtml() {
    }

    static String render(RehearsalReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Underway rehearsal</title>\n")
                .append("<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}")
                .append("h2{font-size:16px;margin-top:28px}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;")
                .append("padding:4px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4}.num{text-align:right}")
                .append(".bad{color:#c0392b;font-weight:600}.legend span{display:inline-block;margin-right:16px}")
                .append("code{font-size:12px}svg text{font:11px system-ui,sans-serif}</style></head><body>\n");
        h.append("<h1>Rehearsal on ").append(esc(r.database())).append("</h1>\n");
        summary(h, r);
        if (r.load() != null && !r.timeline().isEmpty()) {
            h.append("<h2>Application latency while the migrations ran</h2>\n");
            h.append("<div class=\"legend\"><span style=\"color:#1f77b4\">&#9644; p50</span><span style=\"color:#ff7f0e\">")
                    .append("&#9644; p99</span><span style=\"color:#d62728\">- - max</span><span style=\"color:#888\">")
                    .append("&#9608; statements (numbered as in the table)</span><span style=\"color:#e67e22\">")
                    .append("&#9617; longest stall</span><span style=\"color:#c0392b\">&#9679; errors</span></div>\n")
                    .append("<p><small>Latency of the queries that ended in each ").append(detailMs(r))
                    .append(" ms; a stalled query shows where it ended. In an interval of fewer than 100 queries the p99")
                    .append(" is its slowest query, so p99 runs on the dashed max line there.</small></p>\n");
            chart(h, r);
        }
        statements(h, r);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, RehearsalReport r) {
        h.append("<p>");
        if (!r.setup().isEmpty()) {
            h.append("Schema built by ").append(esc(String.join(", ", r.setup()))).append(". ");
        }
        h.append("Rehearsed: <b>").append(esc(String.join(", ", r.rehearsed()))).append("</b>.");
        r.filled().forEach(f -> h.append(String.format(Locale.ROOT, " Filled %s with %,d rows.", esc(f.table().name()),
                f.rows())));
        h.append("</p>\n");
        RehearsalReport.LoadSummary l = r.load();
        if (l == null) {
            h.append("<p>No application load ran.</p>\n");
        } else {
            h.append(String.format(Locale.ROOT, "<p>Load: %d clients on %s at %s (%s) for %.1f s.</p>\n", l.clients(),
                    esc(String.join(", ", l.tables())), l.ratePerSecond() == 0 ? "full speed" : (long) l.ratePerSecond()
                            + " queries/s", esc(l.mix()), l.durationMs() / 1000.0));
            h.append("<table><tr><th></th><th class=num>queries</th><th class=num>errors</th><th class=num>p50</th>")
                    .append("<th class=num>p99</th><th class=num>max</th></tr>\n");
            row(h, "before the first statement", l.baseline());
            row(h, "whole run", l.overall());
            h.append("</table>\n<p>Longest stall (no query finished while one waited): <span class=\"")
                    .append(l.longestStall().durationMs() >= 1000 ? "bad" : "").append("\">")
                    .append(l.longestStall().durationMs()).append(" ms</span>")
                    .append(l.longestStall().durationMs() == 0 ? "" : " at " + l.longestStall().startMs() + " ms")
                    .append(".</p>\n");
            l.overall().errorsByState().forEach((state, n) -> h.append("<p class=bad>").append(n.count())
                    .append(" errors with SQLSTATE ").append(esc(state)).append(": ").append(esc(n.message())).append("</p>\n"));
        }
        if (r.error() != null) {
            h.append("<p class=bad>The rehearsal stopped: ").append(esc(r.error())).append("</p>\n");
        }
    }

    private static void row(StringBuilder h, String label, LatencyStats s) {
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=num>%,d</td><td class=\"num%s\">%d</td>"
                        + "<td class=num>%.1f ms</td><td class=num>%.1f ms</td><td class=num>%.1f ms</td></tr>\n", label,
                s.queries(), s.errors() > 0 ? " bad" : "", s.errors(), s.p50Ms(), s.p99Ms(), s.maxMs()));
    }

    /**
     * Latency on a log scale from 0.1 ms up to the next power of ten above the slowest query, in the report's fine
     * intervals; queries per second below.
     */
    private static void chart(StringBuilder h, RehearsalReport r) {
        List<TimelineInterval> t = r.detail();
        long step = detailMs(r);
        double spanMs = Math.max(1000, r.load().durationMs());
        double maxMs = Math.max(1, t.stream().mapToDouble(TimelineInterval::maxMs).max().orElse(1));
        double top = Math.pow(10, Math.ceil(Math.log10(maxMs)));
        Axis x = new Axis(LEFT, W - RIGHT, spanMs);
        int plotBottom = H - BOTTOM;
        h.append("<svg width=\"").append(W).append("\" height=\"").append(H + BARS + 20)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"latency over time\">\n");
        int n = 1;
        for (StepReport s : r.statements()) {
            double x0 = x.at(s.startMs());
            double w = Math.max(2, x.at(s.endMs()) - x0);
            String color = BAND_COLORS[(n - 1) % BAND_COLORS.length];
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
                    + "fill-opacity=\"0.18\"><title>%d. %s (%d ms)</title></rect>\n", x0, TOP, w, plotBottom - TOP, color, n,
                    esc(RehearsalText.where(s) + " " + RehearsalText.preview(s.sql())), s.durationMs()));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"%s\">%d</text>\n", x0 + 1, TOP + 11 + 12
                    * ((n - 1) % 3), color, n));
            n++;
        }
        Stall stall = r.load().longestStall();
        if (stall.durationMs() > 0) {
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"#e67e22\">"
                    + "<title>longest stall: %d ms</title></rect>\n", x.at(stall.startMs()), plotBottom - 6,
                    Math.max(2, x.at(stall.endMs()) - x.at(stall.startMs())), stall.durationMs()));
        }
        for (double v = 0.1; v <= top * 1.0001; v *= 10) {
            double y = yLog(v, top, plotBottom);
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>\n", LEFT, W - RIGHT, y, y, LEFT - 4, y + 4,
                    v < 1 ? "0.1" : String.format(Locale.ROOT, "%,.0f", v)));
        }
        // Max first and dashed, so that a p99 equal to it (few queries in an interval) still shows on top of it.
        line(h, t, step, x, top, plotBottom, TimelineInterval::maxMs, "#d62728", "4 3");
        line(h, t, step, x, top, plotBottom, TimelineInterval::p99Ms, "#ff7f0e", null);
        line(h, t, step, x, top, plotBottom, TimelineInterval::p50Ms, "#1f77b4", null);
        for (TimelineInterval i : t) {
            if (i.errors() > 0) {
                h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#c0392b\"><title>%d errors"
                        + "</title></circle>\n", x.at(i.startMs() + step / 2.0), TOP + 4, i.errors()));
            }
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n", LEFT,
                W - RIGHT, plotBottom, plotBottom));
        for (long s = 0; s <= spanMs / 1000; s += Math.max(1, (long) (spanMs / 1000 / 12))) {
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d s</text>\n",
                    x.at(s * 1000), plotBottom + 16, s));
        }
        throughput(h, r.timeline(), x, H + 10);
        h.append("</svg>\n");
    }

    private static long detailMs(RehearsalReport r) {
        return r.detail().size() > 1 ? r.detail().get(1).startMs() - r.detail().get(0).startMs() : 1000;
    }

    private static void throughput(StringBuilder h, List<TimelineInterval> t, Axis x, int y0) {
        long peak = Math.max(1, t.stream().mapToLong(TimelineInterval::queries).max().orElse(1));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%,d q/s</text>\n", LEFT - 4,
                y0 + 10, peak));
        for (TimelineInterval i : t) {
            double bh = (BARS - 10) * (double) i.queries() / peak;
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                    + "<title>%d queries ending in second %d</title></rect>\n", x.at(i.startMs()) + 1, y0 + BARS - 10 - bh,
                    Math.max(1, x.at(i.startMs() + 1000) - x.at(i.startMs()) - 2), bh, i.errors() > 0 ? "#c0392b" : "#aaa",
                    i.queries(), i.startMs() / 1000));
        }
    }

    /** One polyline per run of intervals in which queries ended: an empty interval (a stall) is a gap, not a slope. */
    private static void line(StringBuilder h, List<TimelineInterval> t, long step, Axis x, double top, int bottom,
                             java.util.function.ToDoubleFunction<TimelineInterval> value, String color, String dashes) {
        StringBuilder points = new StringBuilder();
        for (TimelineInterval i : t) {
            if (i.queries() == 0) {
                polyline(h, points, color, dashes);
                continue;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(i.startMs() + step / 2.0),
                    yLog(value.applyAsDouble(i), top, bottom)));
        }
        polyline(h, points, color, dashes);
    }

    private static void polyline(StringBuilder h, StringBuilder points, String color, String dashes) {
        String[] xy = points.toString().strip().split("[ ,]");
        if (xy.length == 2) {
            h.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2\" fill=\"")
                    .append(color).append("\"/>\n");
            points.setLength(0);
        } else if (points.length() > 0) {
            h.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"")
                    .append(dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\"").append(" points=\"")
                    .append(points.toString().strip()).append("\"/>\n");
            points.setLength(0);
        }
    }

    private static double yLog(double ms, double top, int bottom) {
        double v = Math.max(0.1, ms);
        return bottom - (bottom - TOP) * (Math.log10(v) + 1) / (Math.log10(top) + 1);
    }

    private static void statements(StringBuilder h, RehearsalReport r) {
        h.append("<h2>Statements</h2>\n<table><tr><th>#</th><th>statement</th><th class=num>took</th><th>lock</th>")
                .append("<th class=num>lock wait</th><th>rewrite</th><th class=num>app queries during</th>")
                .append("<th class=num>errors</th><th class=num>p99</th><th class=num>max</th><th class=num>stall</th>")
                .append("<th>lint</th></tr>\n");
        int n = 1;
        for (StepReport s : r.statements()) {
            LatencyStats d = s.during();
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s<br><code>%s</code>%s</td><td class=num>%d ms</td>"
                            + "<td>%s</td><td class=num>%d ms%s</td><td>%s</td><td class=num>%,d</td><td class=\"num%s\">%d</td>"
                            + "<td class=num>%.1f ms</td><td class=num>%.1f ms</td><td class=\"num%s\">%s</td><td>%s</td></tr>\n",
                    n++, esc(RehearsalText.where(s)), esc(RehearsalText.preview(s.sql())),
                    s.error() == null ? "" : "<br><span class=bad>" + esc(s.error()) + "</span>", s.durationMs(),
                    esc(s.lockMode()) + ("verdict".equals(s.lockSource()) ? " <small>(verdict)</small>" : ""),
                    s.lockWaitMs(), s.retries() == 0 ? "" : " (" + s.retries() + " retries)",
                    s.rewrite() ? "<span class=bad>yes</span>: " + esc(String.join(", ", s.rewritten())) : "no",
                    d.queries(), d.errors() > 0 ? " bad" : "", d.errors(), d.p99Ms(), d.maxMs(),
                    s.stall().durationMs() >= 1000 ? " bad" : "", esc(RehearsalText.stall(s)), lint(s, r.lintRules())));
        }
        h.append("</table>\n<p><small>").append(esc(RehearsalText.STALL_LEGEND)).append("</small></p>\n");
        if (!r.lintRules().isEmpty()) {
            h.append("<h2>Lint codes</h2>\n<table><tr><th>code</th><th>severity</th><th>what it reports</th></tr>\n");
            r.lintRules().forEach(rule -> h.append("<tr><td>").append(esc(rule.code())).append(" <small>")
                    .append(esc(rule.name())).append("</small></td><td>").append(esc(rule.severity().label()))
                    .append("</td><td>").append(esc(rule.summary())).append("</td></tr>\n"));
            h.append("</table>\n");
        }
        if (!r.events().isEmpty()) {
            h.append("<h2>Events</h2>\n<ul>\n");
            r.events().forEach(e -> h.append("<li>").append(e.atMs()).append(" ms: ").append(esc(e.what())).append("</li>\n"));
            h.append("</ul>\n");
        }
    }

    /** The statement's lint codes, each with its rule's summary on hover. */
    private static String lint(StepReport s, List<LintRule> rules) {
        return String.join(", ", s.lint().stream().map(code -> rules.stream().filter(r -> r.code().equals(code)).findFirst()
                .map(rule -> "<abbr title=\"" + esc(rule.summary()) + "\">" + esc(code) + "</abbr>")
                .orElse(esc(code))).toList());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Milliseconds since the load began to pixels. */
    private record Axis(int from, int to, double spanMs) {
        double at(double ms) {
            return from + (to - from) * Math.min(ms, spanMs) / spanMs;
        }
    }
}
