package dev.underway.report;

import java.nio.file.Path;
import java.util.List;

/**
 * One file after {@code lint --fix}: the statements behind mechanical findings rewritten into their safe form. Fixing
 * writes nothing; the caller writes {@link #text()} to {@link #path()} (or shows it).
 *
 * @param file     its name in messages, as findings name it
 * @param path     where it lives
 * @param original its content before the fix (without a byte order mark)
 * @param text     the new content (the original when nothing changed)
 * @param notes    what was rewritten, and what could not be and why
 */
public record FixedFile(String file, Path path, String original, String text, List<String> notes) {

    public FixedFile {
        notes = List.copyOf(notes);
    }

    public boolean changed() {
        return !original.equals(text);
    }
}
