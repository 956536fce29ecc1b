package dev.underway;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine-specific SQL lives under {@code dialect/}: the main sources of {@code underway-core} outside it name no
 * catalog ({@code pg_class}, {@code information_schema}, ...) and no PostgreSQL-only DDL, and the operations and
 * their orchestration ({@code op/}, {@code expand/}) build no DDL text of their own, not even the parts of a
 * statement (column and constraint definitions, index parameters, the conditions a validation looks for): they ask
 * {@code dialect/postgres}. Comments are not scanned: a comment may say which catalog a dialect reads.
 * A hit fails naming file:line; {@link #ALLOWED} holds what truly cannot move, each with its reason.
 */
class EngineSqlTest {
    /** Catalogs and statistics views, matched case-insensitively anywhere outside {@code dialect/}. */
    private static final List<String> CATALOGS = List.of("pg_catalog", "pg_class", "pg_namespace", "pg_attribute",
            "pg_attrdef", "pg_constraint", "pg_index", "pg_depend", "pg_proc", "pg_trigger", "pg_locks", "pg_stat_",
            "pg_database", "obj_description", "information_schema", "performance_schema");

    /** PostgreSQL-only DDL, matched case-insensitively anywhere outside {@code dialect/}. */
    private static final List<String> POSTGRES_DDL = List.of("CREATE OR REPLACE FUNCTION", "CREATE TRIGGER",
            "LANGUAGE plpgsql", "::regclass");

    /** DDL statements the operations must get from the dialect, matched as written (upper case) in op/ and expand/. */
    private static final List<String> OPERATION_DDL = List.of("ALTER TABLE", "ALTER INDEX", "ALTER COLUMN",
            "CREATE TABLE", "DROP TABLE", "CREATE VIEW", "DROP VIEW", "CREATE SCHEMA", "DROP SCHEMA", "CREATE INDEX",
            "CREATE UNIQUE INDEX", "DROP INDEX", "DROP TRIGGER", "DROP FUNCTION", "ADD COLUMN", "DROP COLUMN",
            "ADD CONSTRAINT", "DROP CONSTRAINT", "VALIDATE CONSTRAINT", "RENAME COLUMN", "COMMENT ON", "LOCK TABLE");

    /**
     * Parts of definitions and queries the operations must get from the dialect too ({@code PostgresDefinitions}):
     * columns, constraints, index parameters, validation conditions. Matched as written in op/ and expand/; each is
     * SQL syntax no message or description of theirs uses ({@code NOT VALID}, {@code SET NOT NULL} and
     * {@code USING INDEX} are left out: descriptions and messages say them).
     */
    private static final List<String> OPERATION_CLAUSES = List.of("CHECK (", "FOREIGN KEY", "PRIMARY KEY (", "UNIQUE (",
            "UNIQUE\"", "REFERENCES ", "CONSTRAINT ", "INCLUDE (", "WITH (", "TABLESPACE ", "GENERATED ", "AS IDENTITY",
            "COLLATE ", "DEFERRABLE", "NO INHERIT", "NULLS NOT DISTINCT", "EXCLUDE", "IS NULL", "IS NOT NULL", "NOT (",
            "DROP NOT NULL", "SET DEFAULT ", "DROP DEFAULT", " DEFAULT ", "CAST(", "SELECT ", " LIMIT ");

    /** "file: word" → why it stays. */
    private static final Map<String, String> ALLOWED = Map.of(
            "trace/MigrationTracer.java: performance_schema",
            "a refusal message telling the user what tracing MySQL would need; no SQL is run");

    @Test
    void engineSqlStaysInTheDialects() throws IOException {
        Path root = sources();
        List<String> hits = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("dialect/")) {
                    continue;
                }
                files++;
                boolean operations = relative.startsWith("op/") || relative.startsWith("expand/");
                String[] lines = withoutComments(Files.readString(file)).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String lower = lines[i].toLowerCase(Locale.ROOT);
                    for (String word : CATALOGS) {
                        check(hits, relative, i, lines[i], word, lower.contains(word.toLowerCase(Locale.ROOT)));
                    }
                    for (String word : POSTGRES_DDL) {
                        check(hits, relative, i, lines[i], word, lower.contains(word.toLowerCase(Locale.ROOT)));
                    }
                    if (operations) {
                        for (String word : OPERATION_DDL) {
                            check(hits, relative, i, lines[i], word, lines[i].contains(word));
                        }
                        for (String word : OPERATION_CLAUSES) {
                            check(hits, relative, i, lines[i], word, lines[i].contains(word));
                        }
                    }
                }
            }
        }
        assertThat(files).as("main sources scanned under " + root).isGreaterThan(100);
        assertThat(hits).as("engine-specific SQL outside dialect/ (move it into dialect/postgres or dialect/mysql,"
                + " or allow-list it in EngineSqlTest with the reason it cannot move)").isEmpty();
    }

    @Test
    void commentsAreNotScannedButStringsAre() {
        String code = "// pg_class\n/* pg_locks\n */ String s = \"a // b\"; /** x */ char c = '\"'; String t = \"\"\"\n"
                + "  pg_namespace \"\" \"\"\";\n";
        String seen = withoutComments(code);
        assertThat(seen).doesNotContain("pg_class").doesNotContain("pg_locks").contains("a // b")
                .contains("pg_namespace");
        assertThat(seen.split("\n", -1)).hasSameSizeAs(code.split("\n", -1));
    }

    private static void check(List<String> hits, String file, int line, String text, String word, boolean found) {
        if (found && !ALLOWED.containsKey(file + ": " + word)) {
            hits.add(file + ":" + (line + 1) + ": " + word + " in: " + text.strip());
        }
    }

    private static Path sources() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path root = module.resolve("src/main/java/dev/underway");
        if (!Files.isDirectory(root)) {
            root = module.resolve("underway-core/src/main/java/dev/underway");
        }
        assertThat(root).isDirectory();
        return root;
    }

    /** The source with its comments blanked out (line breaks kept, so line numbers stay); literals kept. */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                src.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                out.append(src, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(src, i, j);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
