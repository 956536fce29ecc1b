package dev.underway.lint;

import dev.underway.dialect.DatabaseKind;
import dev.underway.dialect.Dialect;
import dev.underway.dialect.Dialects;
import dev.underway.dialect.ServerVersion;
import dev.underway.migration.SqlScript;
import dev.underway.migration.SqlStatement;
import dev.underway.sql.StatementSplitter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotated statement corpus ({@code src/test/resources/lint/corpus-*.sql}): migration files
 * separated by {@code -- @file}, each statement preceded by {@code -- @expect key=value ...}.
 */
record Corpus(DatabaseKind kind, ServerVersion defaultVersion, List<CorpusFile> files) {

    /** One migration file of the corpus; {@code version} is null when the corpus default applies. */
    record CorpusFile(String name, ServerVersion version, SqlScript script, List<Map<String, String>> expectations) {
        Dialect dialect(Corpus corpus) {
            return Dialects.offline(corpus.kind(), version == null ? corpus.defaultVersion() : version);
        }
    }

    static Corpus load(String resource, DatabaseKind kind, String defaultVersion) {
        String text;
        try (InputStream in = Corpus.class.getResourceAsStream("/lint/" + resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Dialect dialect = Dialects.offline(kind, ServerVersion.parse(defaultVersion));
        List<CorpusFile> files = new ArrayList<>();
        String[] chunks = text.split("(?m)^-- @file ");
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            String name = chunk.substring(0, chunk.indexOf('\n')).strip();
            String body = "--" + chunk.substring(chunk.indexOf('\n'));
            files.add(file(name, body, dialect));
        }
        return new Corpus(kind, ServerVersion.parse(defaultVersion), files);
    }

    private static CorpusFile file(String name, String body, Dialect dialect) {
        SqlScript script = new StatementSplitter(dialect.syntax()).split(body, name);
        String[] lines = body.split("\n", -1);
        ServerVersion version = null;
        for (String line : lines) {
            if (line.startsWith("-- @version ")) {
                version = ServerVersion.parse(line.substring("-- @version ".length()).strip());
            }
        }
        List<Map<String, String>> expectations = new ArrayList<>();
        int previousEnd = 0;
        for (SqlStatement s : script.statements()) {
            Map<String, String> expect = null;
            for (int l = s.line() - 2; l >= previousEnd; l--) {
                if (lines[l].startsWith("-- @expect ")) {
                    expect = parse(lines[l].substring("-- @expect ".length()));
                    break;
                }
            }
            if (expect == null) {
                throw new IllegalStateException(name + ":" + s.line() + ": statement without -- @expect: " + s.preview(60));
            }
            expectations.add(expect);
            previousEnd = s.line() - 1 + (int) s.sql().chars().filter(c -> c == '\n').count() + 1;
        }
        return new CorpusFile(name, version, script, expectations);
    }

    private static Map<String, String> parse(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        int trace = spec.indexOf("trace=");
        if (trace >= 0) {
            m.put("trace", spec.substring(trace + "trace=".length()).strip());
            spec = spec.substring(0, trace);
        }
        for (String part : spec.strip().split("\\s+")) {
            int eq = part.indexOf('=');
            m.merge(part.substring(0, eq), part.substring(eq + 1), (a, b) -> a + " " + b);
        }
        return m;
    }

    int statementCount() {
        return files.stream().mapToInt(f -> f.script().statements().size()).sum();
    }
}
