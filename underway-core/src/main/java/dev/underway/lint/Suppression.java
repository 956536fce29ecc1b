package dev.underway.lint;

import dev.underway.migration.Directive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -- underway:allow PG101[,PG102] reason="..."} on a statement, or
 * {@code -- underway:allow-file PG101 reason="..."} anywhere in a file for all its statements.
 *
 * @param codes  the suppressed codes, upper case
 * @param reason the reason, or null when missing or empty (then it suppresses nothing)
 */
public record Suppression(List<String> codes, String reason, Directive directive) {
    /** The directive name that suppresses codes for the whole file. */
    public static final String FILE_DIRECTIVE = Directive.ALLOW_FILE;

    private static final Pattern REASON = Pattern.compile("reason\\s*=\\s*\"([^\"]*)\"\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2}\\d{3}");

    public static boolean isSuppression(Directive d) {
        return d.name().equals(Directive.ALLOW) || d.name().equals(FILE_DIRECTIVE);
    }

    public static Suppression parse(Directive d) {
        String arg = d.argument();
        Matcher m = REASON.matcher(arg);
        String reason = null;
        String codesPart = arg;
        if (m.find()) {
            reason = m.group(1).isBlank() ? null : m.group(1).strip();
            codesPart = arg.substring(0, m.start());
        } else {
            int at = arg.toLowerCase(Locale.ROOT).indexOf("reason");
            codesPart = at >= 0 ? arg.substring(0, at) : arg;
        }
        List<String> codes = new ArrayList<>();
        for (String part : codesPart.split("[,\\s]+")) {
            if (!part.isBlank()) {
                codes.add(part.strip().toUpperCase(Locale.ROOT));
            }
        }
        return new Suppression(List.copyOf(codes), reason, d);
    }

    public boolean valid() {
        return reason != null && !codes.isEmpty();
    }

    public boolean covers(String code) {
        return valid() && codes.contains(code);
    }

    /** Codes that do not look like rule codes or that no rule has. */
    public List<String> unknownCodes() {
        return codes.stream().filter(c -> !CODE.matcher(c).matches() || Rules.byCode(c).isEmpty()).toList();
    }
}
