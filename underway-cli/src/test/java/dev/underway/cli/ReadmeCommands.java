package dev.underway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ./underway ...} command lines of a Markdown file, as a reader would copy them: from fenced code blocks
 * (a block is one sequence, run in order) and from inline code spans (each on its own), with backslash continuations
 * joined, comments and output redirections understood. Knows nothing about databases.
 */
final class ReadmeCommands {
    private static final Pattern INLINE = Pattern.compile("`(\\./underway [^`]+)`");

    /** One command line: where it is, the text as written, and its words (the program first). */
    record Line(int lineNumber, String text, List<String> words, String redirectTo) {
        @Override
        public String toString() {
            return "README.md:" + lineNumber + ": " + text;
        }
    }

    /** The lines of one code block (or of one inline code span), in order. */
    record Block(int firstLine, List<Line> lines) {
    }

    private ReadmeCommands() {
    }

    static List<Block> blocks(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        boolean inFence = false;
        boolean commands = false;
        List<Line> current = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                if (!inFence) {
                    String lang = line.strip().substring(3).strip();
                    commands = lang.isEmpty() || lang.equals("bash") || lang.equals("sh") || lang.equals("shell");
                    current = new ArrayList<>();
                    start = i + 1;
                } else if (!current.isEmpty()) {
                    blocks.add(new Block(start, List.copyOf(current)));
                }
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                if (commands && line.strip().startsWith("./underway ")) {
                    StringBuilder joined = new StringBuilder(line.strip());
                    int first = i;
                    while (joined.toString().endsWith("\\") && i + 1 < lines.length) {
                        joined.setLength(joined.length() - 1);
                        joined.append(' ').append(lines[++i].strip());
                    }
                    current.add(parse(first + 1, joined.toString()));
                }
                continue;
            }
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                blocks.add(new Block(i + 1, List.of(parse(i + 1, m.group(1)))));
            }
        }
        return blocks;
    }

    /** Words as bash splits them: quotes, backslash escapes, a {@code #} comment, {@code > file}. */
    static Line parse(int lineNumber, String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        String redirect = null;
        boolean redirectNext = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '\\' && i + 1 < text.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(text.charAt(++i));
            } else if (Character.isWhitespace(c) || c == '>') {
                if (word != null) {
                    if (redirectNext) {
                        redirect = word.toString();
                        redirectNext = false;
                    } else {
                        words.add(word.toString());
                    }
                    word = null;
                }
                redirectNext |= c == '>';
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("README.md:" + lineNumber + ": unterminated quote in: " + text);
        }
        if (word != null) {
            if (redirectNext) {
                redirect = word.toString();
            } else {
                words.add(word.toString());
            }
        }
        String shown = text.replaceFirst("\\s+#.*$", "").strip();
        return new Line(lineNumber, shown, List.copyOf(words), redirect);
    }
}
