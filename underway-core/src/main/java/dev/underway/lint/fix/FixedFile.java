package dev.underway.lint.fix;

import dev.underway.lint.LintInput;

import java.util.List;

/**
 * A file after {@code lint --fix}.
 *
 * @param text  the new content (the original when nothing changed)
 * @param notes what was rewritten, and what could not be
 */
public record FixedFile(LintInput input, String original, String text, List<String> notes) {

    public FixedFile {
        notes = List.copyOf(notes);
    }

    public boolean changed() {
        return !original.equals(text);
    }
}
