package dev.underway.op;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words what is wrong with a file the YAML parser refused. SnakeYAML describes its own state
 * ("while parsing a block mapping ... expected &lt;block end&gt;, but found '&lt;block mapping start&gt;'"); users
 * need the line, what is wrong there, and how such a mistake is usually fixed. The parser's words follow in
 * parentheses, for searching.
 */
final class YamlSyntaxError {
    private static final Pattern BAD_START = Pattern.compile("found character '(.+?)' that cannot start any token.*");

    private YamlSyntaxError() {
    }

    /** {@code file:LINE: is not valid YAML: what is wrong (the parser's words, column C)}. */
    static String describe(String file, IOException e) {
        MarkedYAMLException marked = marked(e);
        if (marked == null || marked.getProblem() == null) {
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? String.valueOf(j.getLocation().getLineNr()) : "1";
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return file + ":" + where + ": is not valid YAML: " + message;
        }
        Mark at = marked.getProblemMark();
        int line = at == null ? 1 : at.getLine() + 1;
        Integer openedAt = marked.getContextMark() == null ? null : marked.getContextMark().getLine() + 1;
        String parser = marked.getProblem() + (marked.getContext() == null ? "" : ", " + marked.getContext())
                + (at == null ? "" : ", column " + (at.getColumn() + 1));
        return file + ":" + line + ": is not valid YAML: " + plain(marked, line, openedAt) + " (YAML parser: " + parser
                + ")";
    }

    private static String plain(MarkedYAMLException e, int line, Integer openedAt) {
        String problem = e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String since = openedAt == null ? "" : " at line " + openedAt;
        Matcher badStart = BAD_START.matcher(problem);
        if (badStart.matches()) {
            String c = badStart.group(1);
            return c.startsWith("\\t") ? "a tab is used to indent; YAML indents with spaces only: replace the tab on"
                    + " line " + line + " with spaces"
                    : "a value cannot start with '" + c + "': put the value in quotes ('" + c + "...')";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "a 'key: value' where none can be: either a value contains ': ' (put it in quotes: up: \"a: b\"),"
                    + " or this line is indented deeper than the keys before it, or the line above lacks the ':' after"
                    + " its key";
        }
        if (problem.startsWith("sequence entries are not allowed")) {
            return "a list item ('- ') on the same line as its key: start the list on the next line, indented";
        }
        if (problem.contains("end of stream") && context.contains("quoted scalar")) {
            return "the quoted value that starts" + since + " is never closed: add the closing quote";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "the list in [ ] that opens" + since + " is never closed (or an item lacks its comma)";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "the mapping in { } that opens" + since + " is never closed (or an entry lacks its comma)";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "a key without ':'" + since + ": write 'key: value'";
        }
        if (problem.startsWith("expected <block end>") && e.getContextMark() != null && e.getProblemMark() != null) {
            int indent = e.getProblemMark().getColumn();
            int outer = e.getContextMark().getColumn();
            if (context.contains("collection")) {
                return "a key at the indentation of the list that starts" + since + ", where only its items ('- ...')"
                        + " can be: indent it like the keys of its item above, or start it with '- ' if it is a new item";
            }
            return "line " + line + " is indented by " + spaces(indent) + ", which lines up with no key above it (the"
                    + " keys of the mapping that starts" + since + " are indented by " + spaces(outer) + "): keys of one"
                    + " mapping must start in the same column";
        }
        return problem + (context.isEmpty() ? "" : ", " + context + since);
    }

    private static String spaces(int n) {
        return n == 1 ? "1 space" : n + " spaces";
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }
}
