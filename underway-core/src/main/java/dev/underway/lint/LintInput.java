package dev.underway.lint;

import dev.underway.Reason;
import dev.underway.UnderwayException;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.SqlScript;
import dev.underway.plan.Checksums;
import dev.underway.plan.MigrationDirectory;
import dev.underway.sql.SqlSyntax;
import dev.underway.sql.StatementSplitter;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file to lint.
 *
 * @param file      its name in messages (the path as given, or a migration's path inside the directory given)
 * @param path      where it lives (for --fix), or null for text that is not a file
 * @param script    its statements and directives
 * @param newTables tables the same migration creates without SQL the linter sees (a declarative migration's
 *                  {@code create_table} operations): as new as one its statements create
 */
public record LintInput(String file, Path path, SqlScript script, List<String> newTables) {

    public LintInput {
        newTables = List.copyOf(newTables);
    }

    public LintInput(String file, Path path, SqlScript script) {
        this(file, path, script, List.of());
    }

    public LintInput(String file, SqlScript script) {
        this(file, null, script);
    }

    public static LintInput of(MigrationScript m, String prefix) {
        return new LintInput(prefix + m.script(), m.path(), m.sql());
    }

    /**
     * The declarative (YAML) migrations at {@code path} (the file itself, or those in the directory), as shown:
     * {@link #load} skips them, as they are not SQL; {@code underway start FILE --dry-run} plans them.
     */
    public static List<String> declarative(Path path, String shown) {
        if (!Files.isDirectory(path)) {
            return Files.isRegularFile(path) && MigrationDirectory.isDeclarative(path) ? List.of(shown) : List.of();
        }
        String prefix = shown.isEmpty() || shown.equals(".") ? "" : shown.replaceAll("/+$", "") + "/";
        try {
            return MigrationDirectory.declarativeFiles(path).stream().map(f -> prefix + f).toList();
        } catch (UncheckedIOException e) {
            throw UnderwayException.of(Reason.FILE_ACCESS, shown + ": cannot be read: " + e.getCause().getMessage());
        }
    }

    /**
     * A migration directory (its migrations in the order migrate applies them: versioned, then repeatable) or one
     * SQL file. {@code shown} is how the user wrote the path, used as the prefix in messages.
     */
    public static List<LintInput> load(Path path, String shown, SqlSyntax syntax) {
        if (Files.isDirectory(path)) {
            MigrationDirectory dir = MigrationDirectory.load(path, syntax);
            String prefix = shown.isEmpty() || shown.equals(".") ? "" : shown.replaceAll("/+$", "") + "/";
            List<LintInput> out = new ArrayList<>();
            dir.versioned().forEach(m -> out.add(of(m, prefix)));
            dir.repeatable().forEach(m -> out.add(of(m, prefix)));
            return out;
        }
        if (!Files.isRegularFile(path)) {
            throw UnderwayException.of(Reason.FILE_ACCESS, shown + ": no such file or directory");
        }
        if (MigrationDirectory.isDeclarative(path)) {
            return List.of();
        }
        String text = Checksums.stripBom(MigrationDirectory.readText(path, shown));
        return List.of(new LintInput(shown, path, new StatementSplitter(syntax).split(text, shown)));
    }
}
