package dev.underway.migration;

import dev.underway.Reason;
import dev.underway.UnderwayException;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instruction to Underway written as a SQL comment: {@code -- underway:name[=value| args]}.
 *
 * @param name     e.g. {@code no-transaction}, {@code lock-timeout}, {@code allow}
 * @param argument what follows the name ({@code =2s} gives {@code 2s}), or empty
 * @param line     1-based line of the comment
 */
public record Directive(String name, String argument, int line) {

    public static final String NO_TRANSACTION = "no-transaction";
    public static final String LOCK_TIMEOUT = "lock-timeout";
    public static final String ALLOW = "allow";
    /** Suppresses lint codes for every statement of the file: {@code -- underway:allow-file PG101 reason="..."}. */
    public static final String ALLOW_FILE = "allow-file";

    private static final Set<String> KNOWN = Set.of(NO_TRANSACTION, LOCK_TIMEOUT, ALLOW, ALLOW_FILE);
    private static final Pattern DIRECTIVE =
            Pattern.compile("^(?:--|#)\\s*underway:([A-Za-z][A-Za-z0-9-]*)(?:\\s*=\\s*|\\s+|$)(.*)$", Pattern.DOTALL);
    private static final Pattern MENTION = Pattern.compile("^(?:--|#)\\s*underway:");

    /** Parses a line comment; returns null when it is an ordinary comment. */
    public static Directive parse(Token comment, String source) {
        String text = comment.text().strip();
        if (!MENTION.matcher(text).find()) {
            return null;
        }
        Matcher m = DIRECTIVE.matcher(text);
        if (!m.matches()) {
            throw UnderwayException.of(Reason.BAD_FILE, source + ":" + comment.line() + ": malformed directive '" + text
                    + "'; write -- underway:<name>[=<value>]").at(source, comment.line());
        }
        String name = m.group(1);
        if (!KNOWN.contains(name)) {
            throw UnderwayException.of(Reason.BAD_FILE, source + ":" + comment.line() + ": unknown directive 'underway:" + name
                    + "'; known directives: " + String.join(", ", KNOWN.stream().sorted().toList())).at(source, comment.line());
        }
        return new Directive(name, m.group(2).strip(), comment.line());
    }
}
