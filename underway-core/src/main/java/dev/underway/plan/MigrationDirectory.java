package dev.underway.plan;

import dev.underway.Reason;
import dev.underway.Setting;
import dev.underway.UnderwayException;
import dev.underway.migration.MigrationName;
import dev.underway.migration.MigrationScript;
import dev.underway.migration.MigrationVersion;
import dev.underway.migration.SqlScript;
import dev.underway.sql.SqlSyntax;
import dev.underway.sql.StatementSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The migrations in a directory (searched recursively), sorted: versioned ones by version,
 * then repeatable ones by description, and the declarative (YAML) ones by version. The one place that walks a
 * migration directory (migrate, validate, lint and rehearse read it here). Every problem in the directory is
 * collected and reported at once, each naming its file.
 */
public final class MigrationDirectory {
    private final Path root;
    private final List<MigrationScript> versioned;
    private final List<MigrationScript> repeatable;
    private final List<DeclarativeScript> declarative;
    private final List<String> ignoredFiles;

    private MigrationDirectory(Path root, List<MigrationScript> versioned, List<MigrationScript> repeatable,
                               List<DeclarativeScript> declarative, List<String> ignoredFiles) {
        this.root = root;
        this.versioned = versioned;
        this.repeatable = repeatable;
        this.declarative = declarative;
        this.ignoredFiles = ignoredFiles;
    }

    /** No files at all: for info and validate where the directory is not (every applied file then counts as missing). */
    public static MigrationDirectory empty(Path root) {
        return new MigrationDirectory(root, List.of(), List.of(), List.of(), List.of());
    }

    public static MigrationDirectory load(Path root, SqlSyntax syntax) {
        if (!Files.isDirectory(root)) {
            throw UnderwayException.of(Reason.FILE_ACCESS, "migration directory " + root + " does not exist or is not a directory;"
                    + " " + Setting.either("pass --dir <path>", "set directory(Path)"));
        }
        List<String> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<MigrationScript> scripts = new ArrayList<>();
        StatementSplitter splitter = new StatementSplitter(syntax);
        // Files are read and split in parallel; results are collected in path order, so messages stay stable.
        List<Object> results = sqlFiles(root).parallelStream().map(file -> inspect(root, file, splitter)).toList();
        for (Object r : results) {
            if (r instanceof MigrationScript script) {
                scripts.add(script);
            } else if (r instanceof Problem p) {
                errors.add(p.message());
            } else {
                ignored.add((String) r);
            }
        }
        List<DeclarativeScript> declarative = new ArrayList<>();
        for (Path file : files(root, MigrationDirectory::isDeclarative)) {
            try {
                declarative.add(declarative(root, file));
            } catch (UnderwayException e) {
                errors.add(e.template());
            }
        }
        checkDuplicates(scripts, declarative, errors);
        if (!errors.isEmpty()) {
            throw UnderwayException.of(Reason.BAD_FILE, "migration directory " + root + " has "
                    + (errors.size() == 1 ? "a problem" : errors.size() + " problems") + ":\n  "
                    + String.join("\n  ", errors));
        }
        List<MigrationScript> versioned = scripts.stream().filter(MigrationScript::isVersioned)
                .sorted(Comparator.comparing(MigrationScript::version)).toList();
        List<MigrationScript> repeatable = scripts.stream().filter(s -> !s.isVersioned())
                .sorted(Comparator.comparing(MigrationScript::description)).toList();
        return new MigrationDirectory(root, versioned, repeatable,
                declarative.stream().sorted(Comparator.comparing(DeclarativeScript::version)).toList(), List.copyOf(ignored));
    }

    private record Problem(String message) { }

    /** A {@link MigrationScript}, a {@link Problem}, or the relative path of a file that is not a migration. */
    private static Object inspect(Path root, Path file, StatementSplitter splitter) {
        String rel = relative(root, file);
        String fileName = file.getFileName().toString();
        Optional<MigrationName> name = MigrationName.parse(fileName);
        Optional<String> flywayOnly = MigrationName.flywayOnly(fileName);
        if (flywayOnly.isPresent()) {
            return new Problem(rel + ": " + flywayOnly.get());
        }
        if (name.isEmpty()) {
            return MigrationName.looksLikeMigration(fileName)
                    ? new Problem(rel + ": not a valid migration name: " + MigrationName.problem(fileName))
                    : rel;
        }
        try {
            return read(file, rel, name.get(), splitter);
        } catch (UnderwayException e) {
            return new Problem(e.template());
        }
    }

    private static MigrationScript read(Path file, String rel, MigrationName name, StatementSplitter splitter) {
        String content = readText(file, rel);
        SqlScript sql = splitter.split(Checksums.stripBom(content), rel);
        if (sql.statements().isEmpty()) {
            throw UnderwayException.of(Reason.BAD_FILE, rel + ": is empty (no SQL statements); delete it or add its statements");
        }
        return new MigrationScript(name, rel, file, Checksums.file(content), sql);
    }

    /** Whether the file is named as a declarative (YAML) migration: {@code V<version>__<description>.yaml}. */
    public static boolean isDeclarative(Path file) {
        return MigrationName.parseDeclarative(file.getFileName().toString()).isPresent();
    }

    /**
     * The declarative (YAML) migration files under {@code root} (searched recursively), relative to it, sorted, without
     * reading any file: what lint names when it skips them.
     */
    public static List<String> declarativeFiles(Path root) {
        return files(root, MigrationDirectory::isDeclarative).stream().map(f -> relative(root, f)).toList();
    }

    private static DeclarativeScript declarative(Path root, Path file) {
        String rel = relative(root, file);
        MigrationName name = MigrationName.parseDeclarative(file.getFileName().toString()).orElseThrow();
        return new DeclarativeScript(name, rel, file, Checksums.file(readText(file, rel)));
    }

    /**
     * The text of a SQL file ({@code rel} names it in messages), or a usage error; one that is not UTF-8 names the
     * line and byte offset of its first bad byte.
     */
    public static String readText(Path file, String rel) {
        try {
            return utf8(Files.readAllBytes(file), rel);
        } catch (IOException e) {
            throw UnderwayException.of(Reason.FILE_ACCESS, rel + ": cannot be read: " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes, String rel) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                // counted as the lexer counts them: \n, \r\n and a lone \r each end a line
                line += bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n') ? 1 : 0;
            }
            throw UnderwayException.of(Reason.BAD_FILE, rel + ":" + line + ": is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + " at byte offset " + offset
                    + "); save the file as UTF-8").at(rel, line);
        }
        return out.flip().toString();
    }

    /** The first file seen with a version (or repeatable description). */
    private record Seen(String script, MigrationVersion version) { }

    private static void checkDuplicates(List<MigrationScript> scripts, List<DeclarativeScript> declarative,
                                        List<String> errors) {
        Map<Object, Seen> seen = new HashMap<>();
        for (MigrationScript s : scripts) {
            Object key = s.isVersioned() ? s.version() : "R:" + s.description();
            Seen other = seen.putIfAbsent(key, new Seen(s.script(), s.version()));
            if (other != null) {
                errors.add(s.isVersioned() ? sameVersion(other, s.script())
                        : "duplicate repeatable migration \"" + s.description() + "\": " + other.script() + " and "
                        + s.script());
            }
        }
        for (DeclarativeScript d : declarative) {
            Seen other = seen.putIfAbsent(d.version(), new Seen(d.script(), d.version()));
            if (other != null) {
                errors.add(sameVersion(other, d.script()));
            }
        }
    }

    private static String sameVersion(Seen first, String second) {
        return first.script() + " and " + second + " have the same version (" + first.version()
                + "); give one of them a new version";
    }

    private static List<Path> sqlFiles(Path root) {
        return files(root, p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"));
    }

    private static List<Path> files(Path root, java.util.function.Predicate<Path> which) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(which).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public Path root() {
        return root;
    }

    public List<MigrationScript> versioned() {
        return versioned;
    }

    public List<MigrationScript> repeatable() {
        return repeatable;
    }

    /** The declarative (YAML) migrations, by version: what validation compares with their history rows. */
    public List<DeclarativeScript> declarative() {
        return declarative;
    }

    /** .sql files that do not look like migrations and were skipped. */
    public List<String> ignoredFiles() {
        return ignoredFiles;
    }
}
