package dev.underway;


import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as users write them: {@code 500ms}, {@code 2s}, {@code 10m}, {@code 1h}, {@code 1m30s}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(s);
        double millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            millis += n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            end = m.end();
        }
        if (s.isEmpty() || end != s.length()) {
            throw UnderwayException.of(Reason.BAD_OPTION, "'" + text + "' is not a duration; write e.g. 500ms, 2s, 10m, 1h or 1m30s");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * A rounded, readable form for ages and waits: {@code 450ms}, {@code 2.5s}, {@code 12s},
     * {@code 10m3s}, {@code 2h5m} (precision drops as the value grows).
     */
    public static String approximate(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 10_000) {
            long tenths = ms / 100;
            return tenths / 10 + (tenths % 10 == 0 ? "" : "." + tenths % 10) + "s";
        }
        long s = ms / 1_000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3_600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        }
        return s / 3_600 + "h" + (s % 3_600 / 60 == 0 ? "" : s % 3_600 / 60 + "m");
    }

    /** The compact form used in messages: {@code 2s}, {@code 1500ms}, {@code 10m}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0 && ms > 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
